package org.movierec.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.movierec.model.AtomicFiles;
import org.movierec.model.Catalog;
import org.movierec.model.ModelFiles;
import org.movierec.model.RatingPredictor;
import org.movierec.model.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec predict}: the rating the model predicts for given (user, movie) pairs. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Predict, in stars, the rating of each (user, movie) pair of a file.",
      "Each input line is UserID::MovieID, possibly followed by more fields (a true rating, a timestamp), which are"
          + " ignored: ratings.dat works as it is. Each output line is UserID::MovieID::Prediction, in input order.",
      "The whole input is checked before anything is written: a bad line stops the command and no output file is"
          + " left behind.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec predict --input pairs.dat               # predictions on stdout",
      "  movierec predict --model my-model --input ml-1m/ratings.dat \\",
      "      --output predictions.dat",
    })
final class PredictCommand implements Callable<Integer> {
  static final String FORMAT = "UserID::MovieID[::...]";

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = "--input", paramLabel = "FILE", required = true,
      description = "Lines of " + FORMAT + " (ISO-8859-1, like MovieLens).")
  Path input;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Where to write UserID::MovieID::Prediction lines, replacing the file in one step only once every"
          + " line is predicted (default: stdout).")
  Path output;

  @Override
  public Integer call() throws IOException {
    SavedModel saved = ModelFiles.load(model.resolve(root.environment()));
    Pairs pairs = readPairs(input, saved.catalog());
    RatingPredictor predictor = new RatingPredictor((org.movierec.model.FusionModel) saved.model(), saved.catalog().users(), saved.catalog().movies());
    float[] stars = new float[pairs.size];
    for (int i = 0; i < pairs.size; i++) {
      stars[i] = predictor.predict(pairs.users[i], pairs.movies[i]);
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      write(out, pairs, stars);
      out.flush();
    } else {
      if (Files.isDirectory(output)) {
        throw new IllegalArgumentException("cannot write " + output + ": it is a directory");
      }
      AtomicFiles.write(output, stream -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.ISO_8859_1));
        write(w, pairs, stars);
        w.flush();
      });
      spec.commandLine().getErr().printf(Locale.ROOT, "Predicted %,d ratings into %s%n", pairs.size, output);
    }
    return 0;
  }

  private static void write(Writer w, Pairs pairs, float[] stars) throws IOException {
    StringBuilder line = new StringBuilder(32);
    for (int i = 0; i < pairs.size; i++) {
      line.setLength(0);
      line.append(pairs.users[i]).append("::").append(pairs.movies[i]).append("::")
          .append(String.format(Locale.ROOT, "%.4f", stars[i])).append('\n');
      w.append(line);
    }
  }

  /** The (user, movie) pairs of the input, every id checked against the model's catalog. */
  private static Pairs readPairs(Path file, Catalog catalog) {
    Pairs pairs = new Pairs();
    new DatLines(file, FORMAT).forEach(line -> {
      line.requireFields(2, Integer.MAX_VALUE);
      int user = line.positiveInt(0, "user id");
      if (!catalog.users().containsKey(user)) {
        throw line.error(0, "user id", "unknown user " + user + "; the model knows " + range(catalog.users())
            + " and cannot predict for a user whose demographics it does not know");
      }
      int movie = line.positiveInt(1, "movie id");
      if (!catalog.movies().containsKey(movie)) {
        throw line.error(1, "movie id", "unknown movie " + movie + "; the model knows " + range(catalog.movies())
            + " and cannot predict for a movie not in its catalog");
      }
      pairs.add(user, movie);
    });
    return pairs;
  }

  private static String range(Map<Integer, ?> byId) {
    IntSummaryStatistics ids = byId.keySet().stream().mapToInt(Integer::intValue).summaryStatistics();
    return String.format(Locale.ROOT, "%,d ids in %d..%d", ids.getCount(), ids.getMin(), ids.getMax());
  }

  /** Growable columns of ids: a million pairs cost 8 MB, not a million objects. */
  private static final class Pairs {
    int[] users = new int[1024];
    int[] movies = new int[1024];
    int size;

    void add(int user, int movie) {
      if (size == users.length) {
        users = Arrays.copyOf(users, size * 2);
        movies = Arrays.copyOf(movies, size * 2);
      }
      users[size] = user;
      movies[size] = movie;
      size++;
    }
  }
}
