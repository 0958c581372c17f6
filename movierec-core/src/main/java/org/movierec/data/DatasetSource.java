package org.movierec.data;

import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A zip archive of a data set that can be downloaded and checked.
 *
 * @param name the folder the archive unpacks to, and the name of its cache directory ({@code ml-1m})
 * @param uri where to download the archive
 * @param size the archive's exact size in bytes
 * @param sha256 the archive's SHA-256, 64 hex digits
 */
public record DatasetSource(String name, URI uri, long size, String sha256) {
  /** MovieLens 1M as GroupLens publishes it. */
  public static final DatasetSource ML_1M = new DatasetSource("ml-1m",
      URI.create("https://files.grouplens.org/datasets/movielens/ml-1m.zip"), 5_917_549L,
      "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20");

  public DatasetSource {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "name must be a plain folder name (letters, digits, '.', '_', '-'), got: '" + name + "'");
    }
    Objects.requireNonNull(uri, "uri");
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1 byte, got: " + size);
    }
    Objects.requireNonNull(sha256, "sha256");
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, got: '" + sha256 + "'");
    }
  }
}
