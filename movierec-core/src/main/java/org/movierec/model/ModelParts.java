package org.movierec.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The part files of a model directory, read, with each one's SHA-256 checked against the manifest on a second thread
 * while the caller decodes them: on two cores the check (about 0.2 s for the 20 MB of a history model in a JVM that
 * has just started) then costs no wall time. Problems are reported as if the parts were read and checked one by one
 * in {@link #ORDER}: the first missing or corrupt part in that order is the one named.
 */
final class ModelParts {
  /** The order parts are read and their problems reported in. */
  static final List<String> ORDER =
      List.of(ModelFiles.WEIGHTS, ModelFiles.FEATURES, ModelFiles.CATALOG, ModelFiles.SEEN);

  private final Path dir;
  private final ModelManifest manifest;
  private final byte[][] bytes = new byte[ORDER.size()][];
  private final FutureTask<?>[] checks = new FutureTask<?>[ORDER.size()];

  private ModelParts(Path dir, ModelManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Reads every part and starts checking them.
   *
   * @throws IllegalStateException when a part is missing (or an earlier one corrupt)
   * @throws UncheckedIOException when a part cannot be read
   */
  static ModelParts read(Path dir, ModelManifest manifest) {
    ModelParts parts = new ModelParts(dir, manifest);
    for (int i = 0; i < ORDER.size(); i++) {
      Path file = parts.file(i);
      try {
        parts.bytes[i] = readFile(file);
      } catch (NoSuchFileException e) {
        parts.startChecks(i);
        parts.requireIntact(i); // a corrupt earlier part is named first
        throw new IllegalStateException(file + " is missing (the manifest names it); " + ModelFiles.trainHint(dir));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
      }
    }
    parts.startChecks(ORDER.size());
    return parts;
  }

  /**
   * The whole file, read a quarter megabyte at a time: {@code Files.readAllBytes} reads through one temporary native
   * buffer as large as the file, which doubled the memory touched (and the page faults, slow on this kind of virtual
   * machine): 170 ms for the 19 MB of weights against 65 ms.
   */
  static byte[] readFile(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException(file + " is too large to be a model part: " + size + " bytes");
      }
      byte[] bytes = new byte[(int) size];
      int at = 0;
      while (at < bytes.length) {
        int n = channel.read(ByteBuffer.wrap(bytes, at, Math.min(CHUNK, bytes.length - at)));
        if (n < 0) {
          throw new EOFException(file + " ended after " + at + " of " + size + " bytes: it changed while read");
        }
        at += n;
      }
      return bytes;
    }
  }

  private static final int CHUNK = 1 << 18;

  /** The bytes of a part, which may not have been checked yet. */
  byte[] bytes(String part) {
    return bytes[ORDER.indexOf(part)];
  }

  /** Waits for the check of a part; throws when it or an earlier part is corrupt. */
  void requireIntact(String part) {
    int i = ORDER.indexOf(part);
    if (!intact(i)) {
      requireIntact(ORDER.size());
    }
  }

  /** Waits for every check; throws naming the first corrupt part. */
  void requireAllIntact() {
    requireIntact(ORDER.size());
  }

  /** Throws naming the first corrupt part of the first {@code n}. */
  private void requireIntact(int n) {
    for (int i = 0; i < n; i++) {
      if (!intact(i)) {
        throw new IllegalStateException(file(i) + " is corrupt (its SHA-256 differs from the one in "
            + ModelFiles.MANIFEST + "); " + ModelFiles.trainHint(dir));
      }
    }
  }

  private boolean intact(int i) {
    try {
      return (Boolean) checks[i].get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + file(i), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not check " + file(i) + ": " + e.getCause(), e.getCause());
    }
  }

  /** Checks the first {@code n} parts on one daemon thread: the small ones first, the weights last. */
  private void startChecks(int n) {
    for (int i = 0; i < n; i++) {
      byte[] b = bytes[i];
      String expected = manifest.sha256().get(manifest.files().get(ORDER.get(i)));
      checks[i] = new FutureTask<>(() -> AtomicFiles.sha256(b).equals(expected));
    }
    Thread.ofPlatform().daemon().name("movierec-model-check").start(() -> {
      for (int i = n - 1; i >= 0; i--) { // seen, catalog, features, weights
        checks[i].run();
      }
    });
  }

  private Path file(int i) {
    return dir.resolve(manifest.files().get(ORDER.get(i)));
  }
}
