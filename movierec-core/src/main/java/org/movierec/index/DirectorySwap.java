package org.movierec.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.IOUtils;

/**
 * Replaces a directory as a whole: the new content is built in a sibling temporary directory, forced to disk, then
 * renamed into place, and only then is the old content deleted. A crash or failure while building leaves the old
 * directory untouched; a failed rename puts it back. Between the two renames there is a moment when the target name is
 * absent and the old content sits beside it as {@code .NAME.old-*}; {@link #leftovers} finds it for error messages.
 */
final class DirectorySwap {
  private static final String BUILDING = ".building-";
  private static final String OLD = ".old-";

  /** Writes the complete content of a directory; must leave nothing open. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path emptyDir) throws IOException;
  }

  private DirectorySwap() {}

  /** Builds {@code content} and puts it at {@code target}, replacing whatever directory was there. */
  static void replace(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().normalize();
    Path parent = dir.getParent();
    Files.createDirectories(parent);
    String name = dir.getFileName().toString();
    Path building = Files.createTempDirectory(parent, "." + name + BUILDING);
    try {
      content.writeTo(building);
      forceAll(building);
      if (Files.exists(dir)) {
        String suffix = building.getFileName().toString().substring(("." + name + BUILDING).length());
        Path old = parent.resolve("." + name + OLD + suffix);
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          restore(old, dir, e);
          throw e;
        }
        IOUtils.fsync(parent, true);
      } else {
        Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        IOUtils.fsync(parent, true);
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(building, e);
      throw e;
    }
    deleteLeftovers(dir);
  }

  /** Deletes the old content and anything earlier interrupted runs left; what cannot be deleted now is next time. */
  private static void deleteLeftovers(Path dir) {
    try {
      for (Path stale : leftovers(dir)) {
        IOUtils.rm(stale);
      }
    } catch (IOException | RuntimeException ignored) {
      // The new content is in place; a stale sibling only costs disk space until the next replacement.
    }
  }

  /** Siblings of {@code target} left by interrupted replacements: half-built or old directories. */
  static List<Path> leftovers(Path target) throws IOException {
    Path dir = target.toAbsolutePath().normalize();
    String prefix = "." + dir.getFileName();
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir.getParent())) {
      return found;
    }
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(dir.getParent(), p -> isLeftoverName(p.getFileName().toString(), prefix))) {
      siblings.forEach(found::add);
    }
    return found;
  }

  private static boolean isLeftoverName(String file, String prefix) {
    return file.startsWith(prefix + BUILDING) || file.startsWith(prefix + OLD);
  }

  private static void forceAll(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        IOUtils.fsync(f, Files.isDirectory(f));
      }
    }
    IOUtils.fsync(dir, true);
  }

  private static void restore(Path old, Path dir, Throwable cause) {
    try {
      Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException failed) {
      cause.addSuppressed(failed);
    }
  }

  private static void deleteQuietly(Path dir, Throwable cause) {
    try {
      IOUtils.rm(dir);
    } catch (IOException | RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
