package org.movierec.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real MovieLens data for integration tests, in one place: tests in every module use it through the core
 * test-jar. The root is the system property {@code movierec.data.root} (the build sets it to {@code ../shared/data}
 * beside the project), else {@code ../../shared/data} seen from the module directory. When a data set is missing the
 * test is skipped with the reason, or fails when the environment variable {@code CI} is {@code true}.
 */
public final class RealData {
  public static final String ROOT_PROPERTY = "movierec.data.root";

  private RealData() {}

  /** The folder holding {@code ml-1m/}, {@code ml-1m-timestamps/}, ...; it may not exist. */
  public static Path root() {
    String property = System.getProperty(ROOT_PROPERTY);
    Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "..", "shared", "data");
    return root.toAbsolutePath().normalize();
  }

  /** MovieLens 1M ({@code movies.dat}, {@code users.dat}, {@code ratings.dat}), or the test is skipped / fails. */
  public static Path ml1m() {
    return require("ml-1m", "ratings.dat");
  }

  /**
   * {@code ml-1m-timestamps/}: the first 487,650 lines of the official {@code ratings.dat} (users 1-2999), with their
   * timestamps; or the test is skipped / fails.
   */
  public static Path ml1mTimestamps() {
    return require("ml-1m-timestamps", "ratings_users_0001-2999.dat");
  }

  /** The folder {@code name} under {@link #root()} if it holds {@code file}; otherwise the test is skipped / fails. */
  public static Path require(String name, String file) {
    Path dir = root().resolve(name);
    if (!Files.isRegularFile(dir.resolve(file))) {
      String message = "real data not found: no " + dir.resolve(file) + " (set -D" + ROOT_PROPERTY
          + "=DIR to the folder holding " + name + "/)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true, so missing data is a failure");
      }
      Assumptions.abort(message + "; skipping");
    }
    return dir;
  }
}
