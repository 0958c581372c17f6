package org.movierec.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.movierec.model.ModelFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the model directory's manifest every so often; when it changed, asks the service to load the model
 * there. A model that cannot be used yet (its index not rebuilt, a half-written directory) is tried again at the
 * next look while the old one goes on serving.
 */
final class ModelWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

  private final Path manifest;
  private final Duration every;
  private final MovieRecService service;
  private final ScheduledExecutorService timer;
  private String lastSeen;

  ModelWatcher(Path modelDir, Duration every, MovieRecService service) {
    this.manifest = modelDir.resolve(ModelFiles.MANIFEST);
    this.every = Objects.requireNonNull(every, "every");
    this.service = Objects.requireNonNull(service, "service");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the watch interval must be positive, got: " + every);
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "movierec-model-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    lastSeen = stamp();
    timer.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void look() {
    String now = stamp();
    if (now == null || now.equals(lastSeen)) {
      return;
    }
    try {
      ApiJson.ReloadJson result = service.reload();
      lastSeen = now;
      if (result.swapped()) {
        LOG.info("now serving model {} (was {})", result.model(), result.previous());
      }
    } catch (RuntimeException e) {
      LOG.warn("the model directory changed but its model cannot be served yet ({}); trying again in {}",
          e.getMessage(), every);
    }
  }

  /** The manifest's modification time and size, or null when it is missing. */
  private String stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(manifest, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", manifest, e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
