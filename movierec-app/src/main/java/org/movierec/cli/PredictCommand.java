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
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.movierec.data.Movie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.AtomicFiles;
import org.movierec.model.Catalog;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.model.TwoTowerModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec predict}: the rating the model predicts for given (user, movie) pairs. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Predict, in stars, the rating of each (user, movie) pair of a file (--input), or of some movies (--movies) for"
          + " one user described on the command line.",
      "Each --input line is UserID::MovieID, possibly followed by more fields (a true rating, a timestamp), which are"
          + " ignored: ratings.dat works as it is. A user is one the model knows or one of --users-file: a user the"
          + " model does not know is described by that line and by their ratings in --ratings-file, without"
          + " retraining.",
      "With --movies, the user is a new user (-a, -g and -j, written as user 0 in the output) or a known one (--user),"
          + " with --rated for what they rated.",
      "Each output line is UserID::MovieID::Prediction, in input order. The whole input is checked before anything is"
          + " written: a bad line stops the command and no output file is left behind. A model trained for ranking"
          + " predicts no stars and is refused; a model of the demo architecture reads demographics and user ids,"
          + " not ratings (a note on stderr says so when ratings are given).",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec predict --input pairs.dat               # predictions on stdout",
      "  movierec predict --model my-model --input ml-1m/ratings.dat \\",
      "      --output predictions.dat",
      "  # users the model does not know, by demographics and ratings:",
      "  movierec predict --input pairs.dat --users-file users.dat \\",
      "      --ratings-file ratings.dat",
      "  # a new user who rated three movies, for two more movies:",
      "  movierec predict --rated 1193:5,2355:4,1:3 -a 25 -g F -j programmer \\",
      "      --movies 2571,260",
    })
final class PredictCommand implements Callable<Integer> {
  static final String FORMAT = "UserID::MovieID[::...]";
  private static final String NEW_USER = OneUserOptions.NEW_USER;

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Lines of " + FORMAT + " (ISO-8859-1, like MovieLens): the pairs to predict.")
  Path input;

  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Users of --input, one a line as in users.dat: UserID::Gender::Age::Occupation::Zip-code (the"
          + " zip code may be left out), each user once. A user id the model does not know is a new user described"
          + " by the line and by their ratings in --ratings-file; a user it knows gets those ratings added to their"
          + " own.")
  Path usersFile;

  @Option(names = "--ratings-file", paramLabel = "FILE",
      description = "Ratings of the users of --users-file, as in ratings.dat: UserID::MovieID::Rating[::Timestamp];"
          + " each user of this file must be in the users file.")
  Path ratingsFile;

  @Option(names = "--movies", paramLabel = "LIST", converter = MovieList.Converter.class,
      description = "Movie ids to predict for the one user of -a/-g/-j or --user (and --rated), as "
          + MovieList.FORMAT + ", such as 2571,260.")
  MovieList movies;

  @Mixin OneUserOptions who;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Where to write UserID::MovieID::Prediction lines, replacing the file in one step only once every"
          + " line is predicted (default: stdout).")
  Path output;

  @Override
  public Integer call() throws IOException {
    checkArguments();
    Path dir = model.resolve(root.environment());
    SavedModel saved = ModelFiles.load(dir);
    if (!saved.model().predictsStars()) {
      throw new IllegalStateException("the model in " + dir + " was trained for ranking (objective "
          + saved.model().objective() + "): it orders movies but predicts no ratings; predict needs a model that"
          + " predicts stars, trained with: movierec train (the default history architecture) or movierec train"
          + " --architecture demo --objective mse");
    }
    Pairs pairs = new Pairs();
    Map<Integer, AskedUser> users = new HashMap<>();
    if (input != null) {
      Map<Integer, User> described = usersFile == null ? Map.of() : UsersFile.readOnePerId(usersFile);
      for (AskedUser a : AskedUser.fromFiles(saved, List.copyOf(described.values()), usersFile, ratingsFile)) {
        users.put(a.asked().id(), a);
      }
      readPairs(input, saved.catalog(), users.keySet(), pairs);
    } else {
      AskedUser one = who.resolve(saved);
      try {
        movies.requireKnown(saved.catalog());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--movies " + e.getMessage(), e);
      }
      users.put(one.asked().id(), one);
      for (int movie : movies.ids()) {
        pairs.add(one.asked().id(), movie);
      }
    }
    RecommendCommand.noteIgnoredRatings(saved, List.copyOf(users.values()), spec.commandLine().getErr(),
        "the predictions do not depend on the given ratings");
    float[] stars = predict(saved, users, pairs);
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

  /** One input, users described one way, each option where it belongs: else a usage error. */
  private void checkArguments() {
    if (input != null && movies != null) {
      throw usage("give only one of --input FILE (pairs of users and movies) and --movies LIST (movies for one"
          + " user); got both");
    }
    if (input == null && movies == null) {
      throw usage("say what to predict: --input FILE (" + FORMAT + " lines), or --movies LIST for one user ("
          + NEW_USER + " or --user ID, and --rated LIST)");
    }
    if (input != null && who.any()) {
      throw usage(NEW_USER + ", --user and --rated describe the one user of --movies; with --input the users are"
          + " the file's: describe users the model does not know with --users-file FILE (and their ratings with"
          + " --ratings-file FILE)");
    }
    if (movies != null && (usersFile != null || ratingsFile != null)) {
      throw usage("--users-file and --ratings-file describe the users of --input; with --movies, describe the one"
          + " user with " + NEW_USER + " or --user ID, and --rated LIST");
    }
    if (ratingsFile != null && usersFile == null) {
      throw usage("--ratings-file gives the ratings of the users of --users-file FILE (" + UsersFile.FORMAT + ")");
    }
    if (movies != null && !who.any()) {
      throw usage("--movies needs a user: a new user (" + NEW_USER + ", and --rated LIST for what they rated) or"
          + " --user ID");
    }
    who.check(spec.commandLine());
  }

  /**
   * The predicted stars of every pair, in pair order: one {@link TwoTowerModel#predictStars} call per user, with all
   * of that user's movies.
   */
  private static float[] predict(SavedModel saved, Map<Integer, AskedUser> described, Pairs pairs) {
    TwoTowerModel model = saved.model();
    Catalog catalog = saved.catalog();
    long[] byUser = new long[pairs.size]; // user id in the high half, pair index in the low half: sorted, grouped
    for (int i = 0; i < pairs.size; i++) {
      byUser[i] = ((long) pairs.users[i] << 32) | i;
    }
    Arrays.sort(byUser);
    float[] stars = new float[pairs.size];
    for (int start = 0, end; start < byUser.length; start = end) {
      int user = (int) (byUser[start] >>> 32);
      end = start;
      while (end < byUser.length && (int) (byUser[end] >>> 32) == user) {
        end++;
      }
      AskedUser asked = described.get(user);
      UserProfile profile = asked != null ? asked.profile() : saved.profile(catalog.users().get(user));
      Movie[] movies = new Movie[end - start];
      for (int j = 0; j < movies.length; j++) {
        movies[j] = catalog.movie(pairs.movies[(int) byUser[start + j]]);
      }
      float[] out = new float[movies.length];
      model.predictStars(profile, movies, out);
      for (int j = 0; j < movies.length; j++) {
        stars[(int) byUser[start + j]] = out[j];
      }
    }
    return stars;
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

  /**
   * The (user, movie) pairs of the input, every id checked: a user the model knows or one of the users file
   * ({@code described}), a movie of the model's catalog.
   */
  private void readPairs(Path file, Catalog catalog, Set<Integer> described, Pairs pairs) {
    new DatLines(file, FORMAT).forEach(line -> {
      line.requireFields(2, Integer.MAX_VALUE);
      int user = line.positiveInt(0, "user id");
      if (!described.contains(user) && !catalog.users().containsKey(user)) {
        throw line.error(0, "user id", "unknown user " + user + "; the model knows " + range(catalog.users())
            + " and cannot predict for a user whose demographics it does not know" + (usersFile == null
                ? "; describe such users with --users-file FILE (and their ratings with --ratings-file FILE)"
                : ", and " + usersFile + " has no line for them"));
      }
      int movie = line.positiveInt(1, "movie id");
      if (!catalog.movies().containsKey(movie)) {
        throw line.error(1, "movie id", "unknown movie " + movie + "; the model knows " + range(catalog.movies())
            + " and cannot predict for a movie not in its catalog");
      }
      pairs.add(user, movie);
    });
  }

  private static String range(Map<Integer, ?> byId) {
    IntSummaryStatistics ids = byId.keySet().stream().mapToInt(Integer::intValue).summaryStatistics();
    return String.format(Locale.ROOT, "%,d ids in %d..%d", ids.getCount(), ids.getMin(), ids.getMax());
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
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
