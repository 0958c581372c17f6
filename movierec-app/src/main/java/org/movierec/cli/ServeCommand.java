package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.movierec.model.ModelFiles;
import org.movierec.recommend.VectorStore;
import org.movierec.server.MovieRecServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec serve}: the REST API and the web page of one trained model, fed by a durable feedback store. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Serve one trained model over HTTP: recommendations for new and known users, ratings received and stored"
          + " durably (they change the user's next recommendations at once), movies added, similar movies,"
          + " predictions; a web page at /, the API described at /openapi.json, metrics at /metrics.",
      "A newer model trained into the same directory is picked up (its manifest is watched, or POST /admin/reload)"
          + " without failing a request. Stops on Ctrl-C or SIGTERM.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec serve",
      "  movierec serve --model ~/models/history --port 9000",
      "  # a PostgreSQL store shared by several servers:",
      "  movierec serve --feedback-db 'jdbc:postgresql://db:5432/movierec?user=movierec&password=secret'",
      "  curl 'http://127.0.0.1:8080/api/recommendations?age=25&gender=F&job=programmer&k=5'",
    })
final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "MOVIEREC_ADMIN_TOKEN";

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;
  @Mixin StoreOptions store;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free one (default:"
      + " ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--feedback-db", paramLabel = "URL",
      description = "Where ratings, users and movies received are stored: jdbc:sqlite:FILE or"
          + " jdbc:postgresql://HOST:PORT/DB?user=..&password=.. (default: SQLite in MODEL_DIR-feedback.db, beside"
          + " the model directory).")
  String feedbackDb;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Token /admin/* requires (Authorization: Bearer TOKEN); default: $" + TOKEN_VARIABLE + ". Without"
          + " one, /admin/* is open on a loopback address and closed on any other.")
  String adminToken;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "Look for a newer model in the directory this often, 0 never (default: ${DEFAULT-VALUE}).")
  int watchSeconds = 2;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got: " + port);
    }
    if (watchSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--watch must be 0 (never) or more seconds, got: "
          + watchSeconds);
    }
    VectorStore vectors = store.resolve();
    Path dir = model.resolve(root.environment()).toAbsolutePath().normalize();
    ModelFiles.readManifest(dir); // no model there: say so before a feedback store is created beside it
    String token = adminToken != null ? adminToken : System.getenv(TOKEN_VARIABLE);
    String db = feedbackDb != null ? feedbackDb : defaultFeedbackDb(dir);
    MovieRecServer server = MovieRecServer.start(new MovieRecServer.Settings(dir, host, port, db, token,
        watchSeconds == 0 ? null : Duration.ofSeconds(watchSeconds), vectors));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "movierec-serve-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("MovieRec serving " + dir + " at http://" + host + ":" + server.port() + "/ (vectors: "
        + vectors.describe(dir) + "; feedback: " + db.replaceAll("password=[^&]*", "password=***")
        + "); Ctrl-C stops");
    out.flush();
    stopped.await();
    return 0;
  }

  /** SQLite in a file beside the model directory, so that a retrained model replacing the directory keeps it. */
  static String defaultFeedbackDb(Path modelDir) {
    return "jdbc:sqlite:" + modelDir.resolveSibling(modelDir.getFileName() + "-feedback.db");
  }
}
