package org.movierec.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.movierec.recommend.LuceneStore;
import org.movierec.recommend.VectorStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.movierec.feedback.FeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code movierec serve}: the HTTP server of one model directory. It listens at once ({@code /health} answers 503
 * until the model is loaded), reads the feedback store, loads the model and its index, then serves; a watcher swaps
 * in a newer model when the directory's manifest changes, and a follower reads every second what other servers
 * sharing the store received.
 */
public final class MovieRecServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MovieRecServer.class);

  private final ServerMetrics metrics = new ServerMetrics();
  private final MovieRecService service;
  private final HttpApi api;
  private final Javalin app;
  private final ModelWatcher watcher;
  /** Reads what other servers sharing the store received, every {@link #FOLLOW_EVERY}. */
  private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "movierec-feedback-follower");
    t.setDaemon(true);
    return t;
  });

  /** How often the store is read for what other servers sharing it received. */
  static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

  private MovieRecServer(Settings settings, FeedbackStore store) {
    this.service = new MovieRecService(settings.modelDir(), settings.vectors(), store, metrics);
    this.api = new HttpApi(service, metrics, new AdminGuard(settings.adminToken(), settings.host()));
    this.app = api.create();
    this.watcher = settings.watchEvery() == null ? null
        : new ModelWatcher(settings.modelDir(), settings.watchEvery(), service);
  }

  /**
   * What to serve and where.
   *
   * @param modelDir the trained model's directory (with its index)
   * @param host the address to bind to ({@code 127.0.0.1} unless told otherwise)
   * @param port the port, 0 for any free one
   * @param feedbackDb the feedback store's JDBC URL
   * @param adminToken the token {@code /admin/*} requires, or null
   * @param watchEvery how often to look for a newer model in the directory, or null never to look
   */
  public record Settings(Path modelDir, String host, int port, String feedbackDb, String adminToken,
      Duration watchEvery, VectorStore vectors) {
    public Settings {
      Objects.requireNonNull(modelDir, "modelDir");
      Objects.requireNonNull(vectors, "vectors (LuceneStore.INSTANCE for the embedded index)");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(feedbackDb, "feedbackDb");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got: " + port);
      }
    }

    /** With the embedded Lucene index of the model directory. */
    public Settings(Path modelDir, String host, int port, String feedbackDb, String adminToken, Duration watchEvery) {
      this(modelDir, host, port, feedbackDb, adminToken, watchEvery, LuceneStore.INSTANCE);
    }
  }

  /**
   * Opens the feedback store, starts listening, then loads the model; returns once serving (or throws when the model
   * cannot be loaded, after stopping).
   */
  public static MovieRecServer start(Settings settings) {
    FeedbackStore store = FeedbackStore.open(settings.feedbackDb());
    MovieRecServer server;
    try {
      server = new MovieRecServer(settings, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      server.app.start(settings.host(), settings.port());
      server.service.load();
      if (server.watcher != null) {
        server.watcher.start();
      }
      server.follower.scheduleWithFixedDelay(server::follow, FOLLOW_EVERY.toMillis(), FOLLOW_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      LOG.info("serving model {} from {} at http://{}:{}/ (feedback: {})", server.service.fingerprint(),
          settings.modelDir(), settings.host(), server.port(), store.describe());
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The routes served, for the test that holds the OpenAPI document against them. */
  List<Route> routes() {
    return api.routes();
  }

  public int port() {
    return app.port();
  }

  private void follow() {
    try {
      service.catchUp();
    } catch (RuntimeException e) {
      LOG.warn("cannot read what the feedback store received ({}); trying again in {}", e.getMessage(),
          FOLLOW_EVERY);
    }
  }

  /** Stops listening, then closes the model and the store. */
  @Override
  public void close() {
    follower.shutdownNow();
    if (watcher != null) {
      watcher.close();
    }
    app.stop();
    service.close();
  }
}
