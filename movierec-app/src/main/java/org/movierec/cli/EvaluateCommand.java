package org.movierec.cli;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.movierec.data.MovieLensData;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.eval.Evaluator;
import org.movierec.eval.Protocol;
import org.movierec.eval.ProtocolSplit;
import org.movierec.eval.Protocols;
import org.movierec.eval.Results;
import org.movierec.eval.Timestamps;
import org.movierec.eval.report.Report;
import org.movierec.eval.report.ReportFiles;
import org.movierec.eval.report.ReportText;
import org.movierec.model.EpochStats;
import org.movierec.model.Objective;
import org.movierec.recommend.BiasedMfRecommender;
import org.movierec.recommend.EaseRecommender;
import org.movierec.recommend.TwoTowerScorer;
import org.movierec.recommend.ItemKnnRecommender;
import org.movierec.recommend.PopularityRecommender;
import org.movierec.recommend.Scorer;
import org.movierec.recommend.SegmentPopularityRecommender;
import org.movierec.train.HistoryConfig;
import org.movierec.train.ModelTrainer;
import org.movierec.train.TrainingConfig;
import org.movierec.train.TrainingListener;
import org.movierec.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code movierec evaluate}: trains every selected recommender on each selected protocol's training data, measures
 * it with the {@link Evaluator}, prints progress and a summary table, and writes a report (Markdown, JSON, SVG plots).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Evaluate the recommenders side by side on MovieLens 1M and write a report.",
      "Protocols: rating (RMSE, MAE of predicted stars), ranking (Recall, NDCG, Hit @10 and @20; RecBole's split),"
          + " ncf (HR@10, NDCG@10; the latest rating of each user with timestamps against 99 sampled movies),"
          + " cold-start (Recall@10, NDCG@10 for held-out users known only by age, gender and occupation),"
          + " few-shot-1, -3, -5 and -10 (Recall@10, NDCG@10 for the cold-start users once each has revealed 1, 3, 5"
          + " or 10 of their ratings, which recommenders read without training on them; --protocol few-shot selects"
          + " the four).",
      "Recommenders: popularity, most-liked, segment-popularity, biased-mf, ease, item-knn (both fold a new user's"
          + " ratings in), history (the default two towers: users read from their ratings), fusion-mse (the demo's"
          + " towers trained on the stars) and fusion-ranking (the demo's towers trained for ranking)."
          + " Each is trained on each protocol's training part (once for cold-start and the few-shot protocols,"
          + " which share it); the two-tower models take minutes per protocol on the full data.",
      "Everything is deterministic for a seed. The report (report.md, report.json, plots as SVG) sets published"
          + " figures beside ours and says which targets are met.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # every protocol and recommender (about 50 minutes on 2 cores):",
      "  movierec evaluate --data ml-1m --timestamps ratings-with-timestamps.dat",
      "  # the baselines only, in minutes; ncf is skipped if ml-1m has no timestamps:",
      "  movierec evaluate --data ml-1m --recommender ease --recommender biased-mf",
      "  # new users who rated 1, 3, 5 or 10 movies, against the history baselines:",
      "  movierec evaluate --data ml-1m --protocol few-shot --recommender ease \\",
      "      --recommender item-knn --recommender segment-popularity",
      "  # a quick look at the two towers on one protocol:",
      "  movierec evaluate --data ml-1m --protocol cold-start --recommender \\",
      "      fusion-ranking --epochs 1 --report quick-report",
    })
final class EvaluateCommand implements Callable<Integer> {
  /** The default seed: the one the baselines' measured figures (BaselinesIT) and the README use. */
  static final long DEFAULT_SEED = 1;

  private static final String MSE_LOSS = "squared error (stars^2)";

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "MovieLens 1M directory (movies.dat, users.dat, ratings.dat).")
  Path data;

  @Option(names = "--timestamps", paramLabel = "FILE",
      description = "UserID::MovieID::Rating::Timestamp lines whose timestamps are attached to the ratings, for the"
          + " ncf protocol when ratings.dat has none (the official GroupLens download has them).")
  Path timestamps;

  @Option(names = "--protocol", paramLabel = "NAME", converter = ProtocolConverter.class,
      completionCandidates = ProtocolNames.class,
      description = "A protocol to run; repeat for several (default: all): ${COMPLETION-CANDIDATES} (few-shot: the"
          + " four few-shot protocols).")
  List<ProtocolChoice> protocols = new ArrayList<>();

  @Option(names = "--recommender", paramLabel = "NAME", converter = EvaluatedRecommender.Converter.class,
      completionCandidates = EvaluatedRecommender.Names.class,
      description = "A recommender to evaluate; repeat for several (default: all): ${COMPLETION-CANDIDATES}.")
  List<EvaluatedRecommender> recommenders = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds every split, negative sample and model (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULT_SEED;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Train the two-tower models for N epochs instead of their defaults (" + HistoryConfig.DEFAULT_EPOCHS
          + " for history, 8 for fusion-mse, 12 for fusion-ranking), for a quick run.")
  Integer epochs;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Where to write report.md, report.json and the plots (default: $MOVIEREC_HOME/report, or"
          + " ~/.movierec/report).")
  Path reportDir;

  private PrintWriter out;
  private ProgressBar bar;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (epochs != null && epochs < 1) {
      throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got: " + epochs);
    }
    List<Protocol> chosenProtocols = Protocols.all().stream()
        .filter(p -> protocols.isEmpty() || protocols.stream().anyMatch(c -> c.protocols().contains(p))).toList();
    List<EvaluatedRecommender> chosen = List.of(EvaluatedRecommender.values()).stream()
        .filter(r -> recommenders.isEmpty() || recommenders.contains(r)).toList();
    Path dir = (reportDir != null ? reportDir : root.environment().home().resolve("report")).toAbsolutePath()
        .normalize();
    checkWritable(dir); // before hours of training, not after
    out = spec.commandLine().getOut();
    bar = new ProgressBar(spec.commandLine().getErr(), root.environment().interactive());

    MovieLensData movieLens = TrainCommand.load(data, out);
    String timestampsChecksum = null;
    if (timestamps != null) {
      timestampsChecksum = sha256(timestamps);
      movieLens = movieLens.withRatings(Timestamps.merge(movieLens.ratings(), timestamps));
    }
    int stamped = Timestamps.usersWithTimestamps(movieLens.ratings());
    if (timestamps != null) {
      out.printf(Locale.ROOT, "Timestamps from %s: %,d of %,d users have them on every rating%n",
          timestamps.toAbsolutePath().normalize(), stamped, movieLens.users().size());
    }
    out.printf(Locale.ROOT, "Evaluating %s on %s, seed %d%n", names(chosen), chosenProtocols.stream()
        .map(Protocol::name).collect(Collectors.joining(", ")), seed);
    out.flush();

    List<Report.Section> sections = new ArrayList<>();
    List<Report.Curve> curves = new ArrayList<>();
    for (int i = 0; i < chosenProtocols.size(); i++) {
      Protocol protocol = chosenProtocols.get(i);
      String step = "[" + (i + 1) + "/" + chosenProtocols.size() + "] ";
      out.println();
      if (protocol == Protocols.NCF && stamped == 0) {
        String why = "the ratings have no timestamps, and the ncf protocol holds out each user's latest rating; give"
            + " --timestamps FILE (UserID::MovieID::Rating::Timestamp lines, such as"
            + " ml-1m-timestamps/ratings_users_0001-2999.dat beside the shared ml-1m copy), or use the official"
            + " GroupLens download, whose ratings.dat has them";
        sections.add(skip(step, protocol, why));
        continue;
      }
      ProtocolSplit split;
      try {
        split = Protocols.split(protocol.name(), movieLens.ratings(), seed);
      } catch (IllegalArgumentException cannot) {
        sections.add(skip(step, protocol, cannot.getMessage()));
        continue;
      }
      out.println(step + split.summary());
      out.flush();
      sections.add(run(split, movieLens, chosen, curves, stamped));
    }

    Report.Dataset dataset = new Report.Dataset(data.toAbsolutePath().normalize().toString(), movieLens.checksum(),
        movieLens.movies().size(), movieLens.users().size(), movieLens.ratings().size(),
        timestamps == null ? null : timestamps.toAbsolutePath().normalize().toString(), timestampsChecksum, stamped);
    Report report = Report.of(date, seed, Report.Machine.current(), dataset, (System.nanoTime() - start) / 1e9,
        commandLine(), sections, curves);
    List<Path> files = ReportFiles.write(dir, report);
    out.println();
    out.print(ReportText.summary(report));
    out.println();
    out.printf(Locale.ROOT, "Report: %s (with %s and %d plot%s)%n", files.get(0), ReportFiles.JSON,
        files.size() - 2, files.size() - 2 == 1 ? "" : "s");
    out.flush();
    return 0;
  }

  private Report.Section skip(String step, Protocol protocol, String why) {
    out.println(step + protocol.name() + ": skipped: " + why);
    out.flush();
    return Report.Section.skipped(protocol, why);
  }

  /** A recommender fitted or trained on some protocol's training part, and how long that took. */
  private record Fitted(Scorer scorer, double trainSeconds) {}

  /** The protocol whose training part {@link #fitted} was learned from, and that part; null before the first. */
  private String fittedFor;
  private Ratings fittedOn;
  private final Map<EvaluatedRecommender, Fitted> fitted = new EnumMap<>(EvaluatedRecommender.class);

  /**
   * Trains and evaluates each recommender that applies to the split, printing a line or more for each. When the split
   * trains on the same ratings as the protocol before (cold-start and the four few-shot protocols), the recommenders
   * learned there are evaluated again rather than learned again: fitting and training are deterministic for a seed,
   * so they would come out the same.
   */
  private Report.Section run(ProtocolSplit split, MovieLensData movieLens, List<EvaluatedRecommender> chosen,
      List<Report.Curve> curves, int stamped) {
    Protocol protocol = split.protocol();
    List<String> notes = new ArrayList<>();
    if (protocol == Protocols.NCF) {
      String note = String.format(Locale.ROOT, "Users with timestamps: %,d of %,d: each is a test user; the"
          + " other users' ratings only train", stamped, movieLens.users().size());
      notes.add(note);
      out.println("  " + note);
    }
    if (fittedOn != null && fittedOn.equals(split.train())) {
      if (chosen.stream().anyMatch(fitted::containsKey)) {
        String note = "The recommenders are those learned for " + fittedFor + ", from the same training ratings;"
            + " their train seconds are the time they took there";
        notes.add(note);
        out.println("  " + note);
      }
    } else {
      fitted.clear();
      fittedFor = protocol.name();
      fittedOn = split.train();
    }
    List<Report.Row> rows = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (EvaluatedRecommender r : chosen) {
      if (protocol.task() == Protocol.Task.PREDICT_STARS && !r.predictsStars()) {
        notApplicable.add(r.label());
        continue;
      }
      Fitted learned = fitted.get(r);
      if (learned == null) {
        long start = System.nanoTime();
        Scorer scorer;
        if (r.objective() == null) {
          out.println("  " + r.label() + ": fitting...");
          out.flush();
          scorer = fitBaseline(r, split.train(), movieLens);
        } else {
          TrainedTowers trained = trainTowers(r, split, movieLens);
          scorer = trained.scorer();
          curves.add(trained.curve());
        }
        learned = new Fitted(scorer, (System.nanoTime() - start) / 1e9);
        fitted.put(r, learned);
      }
      double trainSeconds = learned.trainSeconds();
      Results results = Evaluator.evaluate(split, movieLens.users(), learned.scorer());
      Report.Row row = Report.Row.of(results, trainSeconds);
      rows.add(row);
      out.printf(Locale.ROOT, "  %s: %s  (train %.1f s, eval %.1f s)%n", r.label(), figures(results.metrics()),
          trainSeconds, row.evalSeconds());
      out.flush();
    }
    if (!notApplicable.isEmpty()) {
      out.println("  not evaluated, since they predict no stars: " + String.join(", ", notApplicable));
      out.flush();
    }
    return Report.Section.of(split, notes, rows, notApplicable);
  }

  private static Scorer fitBaseline(EvaluatedRecommender r, Ratings train, MovieLensData movieLens) {
    return switch (r) {
      case POPULARITY -> PopularityRecommender.byRatings(train);
      case MOST_LIKED -> PopularityRecommender.mostLiked(train);
      case SEGMENT_POPULARITY -> SegmentPopularityRecommender.fit(train, movieLens.users());
      case BIASED_MF -> BiasedMfRecommender.fit(train);
      case EASE -> EaseRecommender.fit(train);
      case ITEM_KNN -> ItemKnnRecommender.fit(train);
      case FUSION_MSE, FUSION_RANKING, HISTORY ->
          throw new IllegalArgumentException(r.label() + " is trained by epochs");
    };
  }

  private record TrainedTowers(Scorer scorer, Report.Curve curve) {}

  /**
   * Trains the two towers with their default settings, the seed and {@code --epochs}, on the split's training part. A
   * star-predicting model reports its RMSE per epoch on the validation part when there is one, on the test part for
   * the rating protocol (as the original demo does; nothing is tuned on it), else on nothing. A user the model is
   * asked about is read from their training ratings.
   */
  private TrainedTowers trainTowers(EvaluatedRecommender r, ProtocolSplit split, MovieLensData movieLens) {
    Objective objective = r.objective();
    ModelTrainer config = r.trainer().withSeed(seed);
    if (epochs != null) {
      config = config.withEpochs(epochs);
    }
    Ratings heldOut = Ratings.of(List.of());
    String heldOutName = null;
    if (objective.predictsStars()) {
      if (split.validation().size() > 0) {
        heldOut = split.validation();
        heldOutName = "validation";
      } else if (split.protocol() == Protocols.RATING) {
        heldOut = split.test();
        heldOutName = "test";
      }
    }
    out.printf(Locale.ROOT, "  %s: training %d epoch%s on %,d ratings%s...%n", r.label(), config.epochs(),
        config.epochs() == 1 ? "" : "s", split.train().size(),
        heldOutName == null ? "" : ", RMSE on the " + heldOutName + " part after each epoch");
    out.flush();
    TrainingResult result;
    try {
      result = config.train(movieLens, split.train(), heldOut,
          new EpochLines(r.label() + " on " + split.protocol().name(), config.epochs(), heldOutName));
    } catch (EngineException e) {
      throw new IllegalStateException("cannot start PyTorch, which training runs on (" + e.getMessage()
          + "); run again with --verbose for details", e);
    } finally {
      bar.clear();
    }
    List<EpochStats> history = result.history();
    Scorer scorer = TwoTowerScorer.of(r.label(), result.model(), movieLens.movies(), SeenMovies.of(split.train()));
    return new TrainedTowers(scorer, Report.Curve.of(split.protocol().name(), r.label(), loss(config), heldOutName,
        history));
  }

  private static String loss(ModelTrainer trainer) {
    return switch (trainer.config()) {
      case TrainingConfig c when c.objective() == Objective.MSE -> MSE_LOSS;
      case TrainingConfig c -> c.negatives() == 0 ? "softmax cross-entropy over the catalog"
          : String.format(Locale.ROOT, "sampled softmax cross-entropy (%,d negatives a batch)", c.negatives());
      default -> "softmax cross-entropy over the catalog + squared error of the stars";
    };
  }

  /** One line per epoch on stdout, indented under its recommender; a progress bar within the epoch on stderr. */
  private final class EpochLines implements TrainingListener {
    private final String label;
    private final int total;
    private final String heldOut;

    EpochLines(String label, int total, String heldOut) {
      this.label = label;
      this.total = total;
      this.heldOut = heldOut;
    }

    @Override
    public void onBatch(int epoch, int done, int batches, double runningLoss) {
      bar.show(String.format(Locale.ROOT, "%s, epoch %d/%d", label, epoch, total), done, batches,
          String.format(Locale.ROOT, "loss %.4f", runningLoss));
    }

    @Override
    public void onEpoch(EpochStats stats) {
      bar.clear();
      String rmse = heldOut == null || Double.isNaN(stats.testRmse()) ? ""
          : String.format(Locale.ROOT, "  %s RMSE %.4f stars", heldOut, stats.testRmse());
      out.printf(Locale.ROOT, "    epoch %d/%d  train loss %.4f%s  %.1f s%n", stats.epoch(), total,
          stats.trainLoss(), rmse, stats.seconds());
      out.flush();
    }
  }

  private static String figures(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining("  "));
  }

  private static String names(List<EvaluatedRecommender> chosen) {
    return chosen.size() == EvaluatedRecommender.values().length ? "all " + chosen.size() + " recommenders"
        : chosen.stream().map(EvaluatedRecommender::label).collect(Collectors.joining(", "));
  }

  /** The command line as typed, for the report: {@code movierec evaluate --data ...}, arguments with spaces quoted. */
  private String commandLine() {
    List<String> args = spec.root().commandLine().getParseResult().originalArgs();
    return "movierec " + args.stream().map(a -> a.isEmpty() || a.matches(".*[\\s'\"$`\\\\].*")
        ? "'" + a.replace("'", "'\\''") + "'" : a).collect(Collectors.joining(" "));
  }

  private static void checkWritable(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + dir + ": " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("cannot write the report in " + dir + ": permission denied");
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  /** What one {@code --protocol} selects: a protocol, or the four few-shot protocols. */
  record ProtocolChoice(List<Protocol> protocols) {}

  /** Reads a protocol's name, or {@code few-shot} for the four few-shot protocols; the error lists the valid ones. */
  static final class ProtocolConverter implements ITypeConverter<ProtocolChoice> {
    @Override
    public ProtocolChoice convert(String value) {
      String name = value.trim().toLowerCase(Locale.ROOT);
      if (name.equals(Protocols.FEW_SHOT)) {
        return new ProtocolChoice(Protocols.fewShot());
      }
      try {
        return new ProtocolChoice(List.of(Protocols.named(name)));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage() + "; or " + Protocols.FEW_SHOT + " for the four few-shot"
            + " protocols");
      }
    }
  }

  /** The protocols' names and {@code few-shot}, for help and shell completion. */
  static final class ProtocolNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>(Protocols.all().stream().map(Protocol::name).toList());
      names.add(names.indexOf(Protocols.fewShot().get(0).name()), Protocols.FEW_SHOT);
      return names.iterator();
    }
  }
}
