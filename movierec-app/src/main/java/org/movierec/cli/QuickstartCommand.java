package org.movierec.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.movierec.data.AgeGroup;
import org.movierec.data.DatasetDownloader;
import org.movierec.data.DatasetSource;
import org.movierec.data.Gender;
import org.movierec.data.MovieLensData;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.RecommendRequest;
import org.movierec.recommend.VectorStore;
import org.movierec.model.Architecture;
import org.movierec.train.HistoryConfig;
import org.movierec.train.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec quickstart}: every step of the original demo, one after the other. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Download MovieLens 1M from GroupLens (once: it is cached, its size and SHA-256 checked), train the model,"
          + " index every movie, and recommend movies to a new user (female, under 18, K-12 student: the original"
          + " demo's example), to a new user who rated three movies, and to user 1.",
      "Run again, it reuses the data and, when the data and settings are the same, the trained model.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec quickstart",
      "  # use a local copy, download nothing:",
      "  movierec quickstart --data ~/Downloads/ml-1m",
      "  # a quick, rough model somewhere else:",
      "  movierec quickstart --epochs 2 --model /tmp/m",
    })
final class QuickstartCommand implements Callable<Integer> {
  static final User DEMO_USER = User.newUser(Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT);
  static final int DEMO_USER_ID = 1;
  /** The new user who rated a few movies: as in the README's {@code --rated 1193:5,2355:4,1:3 -a 25 -g F -j 12}. */
  static final User RATING_USER = User.newUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER);
  static final List<RatedMovie> DEMO_RATINGS = List.of(new RatedMovie(1193, 5), new RatedMovie(2355, 4),
      new RatedMovie(1, 3));
  private static final int TOP = 5;

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;
  @Mixin StoreOptions store;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Use this MovieLens 1M directory (movies.dat, users.dat, ratings.dat) instead of downloading.")
  Path data;

  @Option(names = "--architecture", paramLabel = "history|demo", converter = TrainCommand.ArchitectureConverter.class,
      completionCandidates = TrainCommand.ArchitectureNames.class,
      description = "Which towers to train: history (the default) or demo (the original demo's).")
  Architecture architecture = Architecture.HISTORY;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Training epochs (default: " + HistoryConfig.DEFAULT_EPOCHS + " for history, 8 for demo).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "S", description = "Training seed (default: 42).")
  Long seed;

  @Option(names = "--retrain", description = "Train again even if the model directory holds a model trained on the"
      + " same data with the same settings.")
  boolean retrain;

  @Override
  public Integer call() throws IOException {
    ModelTrainer config = TrainCommand.trainer(spec, architecture, null, epochs, seed, null);
    VectorStore vectors = store.resolve();
    Environment env = root.environment();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dataDir = data != null ? data : download(env, out, err);
    MovieLensData movieLens = TrainCommand.load(dataDir, out);
    Path dir = model.resolve(env);
    Optional<SavedModel> existing = retrain ? Optional.empty() : TrainingRun.reusable(dir, movieLens, config);
    SavedModel saved;
    if (existing.isPresent()) {
      saved = existing.get();
      out.println("Using the model in " + dir.toAbsolutePath().normalize() + ": trained on this data with these"
          + " settings" + (saved.manifest().testRmse() == null ? ""
              : String.format(Locale.ROOT, " (test RMSE %.4f stars)", saved.manifest().testRmse()))
          + "; --retrain trains it again");
    } else {
      saved = TrainingRun.trainAndSave(movieLens, config, dir, out, new ProgressBar(err, env.interactive()));
    }
    IndexCommand.build(dir, saved, vectors, out, new ProgressBar(err, env.interactive()));
    try (VectorIndex index = vectors.open(dir, saved)) {
      EmbeddingRecommender recommender = new EmbeddingRecommender(saved.model(), saved.catalog(), saved.seen(), index);
      User known = saved.catalog().users().getOrDefault(DEMO_USER_ID,
          saved.catalog().users().values().iterator().next());
      List<RatedMovie> rated = demoRatings(saved);
      List<AskedUser> users = List.of(AskedUser.of(saved, DEMO_USER, List.of()),
          AskedUser.of(saved, RATING_USER, rated), AskedUser.of(saved, known, List.of()));
      RecommendCommand.noteIgnoredRatings(saved, users, err, "the given ratings only keep their movies out of the"
          + " recommendations");
      for (AskedUser user : users) {
        out.println();
        RecommendationTable.print(out, RecommendCommand.caption(user),
            recommender.recommend(new RecommendRequest(user.profile(), TOP, ItemFilter.NONE)));
      }
    }
    String modelFlag = model.dir == null ? "" : " --model " + dir;
    out.println();
    out.println("Next: movierec recommend" + modelFlag + " --age 25 --gender M --job programmer");
    out.println("      movierec recommend" + modelFlag + " --rated 1193:5,2355:4,1:3 -a 25 -g F -j programmer");
    out.println("      movierec recommend" + modelFlag + " --user 42 --json");
    out.println("      movierec --help");
    out.flush();
    return 0;
  }

  /**
   * {@link #DEMO_RATINGS}, or, for a catalog without those movies (not MovieLens 1M), its first three movies rated 5,
   * 4 and 3 stars.
   */
  static List<RatedMovie> demoRatings(SavedModel saved) {
    if (DEMO_RATINGS.stream().allMatch(r -> saved.catalog().movies().containsKey(r.movieId()))) {
      return DEMO_RATINGS;
    }
    List<Integer> first = saved.catalog().movies().keySet().stream().limit(3).toList();
    List<RatedMovie> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      out.add(new RatedMovie(first.get(i), 5 - i));
    }
    return out;
  }

  /** The cached MovieLens 1M, downloaded first when it is not there yet. */
  private static Path download(Environment env, PrintWriter out, PrintWriter err) throws IOException {
    DatasetSource source = env.dataset();
    Path cache = env.datasetCache();
    if (Files.isRegularFile(cache.resolve(source.name()).resolve(DatasetDownloader.MARKER_FILE))) {
      out.println("Data: " + source.name() + ", downloaded before, in " + cache.resolve(source.name()));
    } else {
      out.printf(Locale.ROOT, "Downloading %s (%.1f MB) from %s into %s%n", source.name(), source.size() / 1e6,
          source.uri(), cache);
    }
    out.flush();
    return new DatasetDownloader(cache, env.interactive() ? asciiStream(err) : null).fetch(source);
  }

  /** The downloader draws its ASCII progress bar on a PrintStream; this one writes into the command's stderr. */
  private static PrintStream asciiStream(PrintWriter w) {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        w.write(b & 0xFF);
      }

      @Override
      public void flush() {
        w.flush();
      }
    }, true, StandardCharsets.ISO_8859_1);
  }
}
