package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.data.Genre;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.VectorIndex;
import org.movierec.index.YearRange;
import org.movierec.model.Architecture;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.Recommendation;
import org.movierec.recommend.RecommendRequest;
import org.movierec.recommend.VectorStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec recommend}: the original demo's {@code infer_milvus.py -a -g -j [-i]}, and more. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Recommend movies to a new user (describe them with -a, -g and -j, and what they rated with --rated), to a user"
          + " the model knows (--user, with more ratings with --rated), or to every user of a file (--users-file,"
          + " their ratings in --ratings-file). New users get recommendations at once, without retraining. Movies a"
          + " known user has rated and movies of the given ratings are never recommended.",
      "The score is the model's: the inner product of the user's and the movie's vectors (for the demo model, their"
          + " cosine); 'stars' is the rating the model predicts ('-' for a model trained for ranking). A model of the"
          + " demo architecture reads demographics and user ids, not ratings: given ratings then only keep their"
          + " movies out (a note on stderr says so).",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the original demo's codes: under 18, female, K-12 student",
      "  movierec recommend -a 0 -g 1 -j 10",
      "  movierec recommend --age 25 --gender F --job programmer -k 10",
      "  # a new user who rated three movies (MOVIE:STARS), without retraining:",
      "  movierec recommend --rated 1193:5,2355:4,1:3 -a 25 -g F -j programmer",
      "  movierec recommend --user 1 --json",
      "  # user 1 and one more rating:",
      "  movierec recommend --user 1 --rated 2571:5",
      "  # one user a line, UserID::Gender::Age::Occupation::Zip-code:",
      "  movierec recommend --users-file users.dat",
      "  # and their ratings, UserID::MovieID::Rating[::Timestamp]:",
      "  movierec recommend --users-file users.dat --ratings-file ratings.dat",
      "  movierec recommend --user 1 --genre Comedy --genre Romance --years 1990-1999",
      "  # rebuild the index first, as the original demo's -i:",
      "  movierec recommend -i -a 1 -g M -j 4",
    })
final class RecommendCommand implements Callable<Integer> {
  private static final String NEW_USER = OneUserOptions.NEW_USER;

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;
  @Mixin OneUserOptions who;
  @Mixin StoreOptions store;

  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Many users, one a line, as in users.dat: UserID::Gender::Age::Occupation::Zip-code (the zip"
          + " code may be left out). A user id the model does not know is a new user, described by the line and by"
          + " their ratings in --ratings-file.")
  Path usersFile;

  @Option(names = "--ratings-file", paramLabel = "FILE",
      description = "Ratings of the users of --users-file, as in ratings.dat: UserID::MovieID::Rating[::Timestamp]."
          + " Each user of this file must be in the users file; a user the model knows gets these ratings added to"
          + " their own (as --user with --rated).")
  Path ratingsFile;

  @Option(names = {"-k", "--top"}, paramLabel = "K", description = "How many movies (default: ${DEFAULT-VALUE}).")
  int k = 5;

  @Option(names = "--genre", paramLabel = "GENRE", converter = Converters.GenreConverter.class,
      completionCandidates = Converters.GenreNames.class,
      description = "Only movies of this genre; repeat for any of several. Valid: ${COMPLETION-CANDIDATES}.")
  List<Genre> genres = new ArrayList<>();

  @Option(names = "--years", paramLabel = "RANGE", converter = Converters.YearRangeConverter.class,
      description = "Only movies released in these years: 1990-1999, 1990- (from 1990), -1999 or 1995.")
  YearRange years;

  @Option(names = "--json", description = "Print JSON for machines instead of the table.")
  boolean json;

  @Option(names = {"-i", "--index"}, description = "Rebuild the vector index first (as 'movierec index' does).")
  boolean rebuildIndex;

  @Override
  public Integer call() {
    checkArguments();
    VectorStore vectors = store.resolve();
    Path dir = model.resolve(root.environment());
    SavedModel saved = ModelFiles.load(dir);
    List<AskedUser> users = usersFile != null ? fileUsers(saved) : List.of(who.resolve(saved));
    noteIgnoredRatings(saved, users, spec.commandLine().getErr(), "the given ratings only keep their movies out of"
        + " the recommendations");
    if (rebuildIndex) {
      IndexCommand.build(dir, saved, vectors, spec.commandLine().getErr(), // stdout stays the result alone
          new ProgressBar(spec.commandLine().getErr(), root.environment().interactive()));
    }
    ItemFilter filter = filter();
    List<List<Recommendation>> found = new ArrayList<>();
    try (VectorIndex index = vectors.open(dir, saved)) {
      EmbeddingRecommender recommender = new EmbeddingRecommender(saved.model(), saved.catalog(), saved.seen(), index);
      for (AskedUser asked : users) {
        found.add(recommender.recommend(new RecommendRequest(asked.profile(), k, filter)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json && usersFile == null) {
      out.println(Json.write(RecommendationTable.rows(found.get(0))));
    } else if (json) {
      List<RecommendationTable.UserRows> rows = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        rows.add(RecommendationTable.UserRows.of(users.get(i), found.get(i)));
      }
      out.println(Json.write(rows));
    } else {
      for (int i = 0; i < users.size(); i++) {
        if (i > 0) {
          out.println();
        }
        RecommendationTable.print(out, caption(users.get(i)), found.get(i));
      }
    }
    out.flush();
    return 0;
  }

  /** The users of the users file, each with their ratings from the ratings file. */
  private List<AskedUser> fileUsers(SavedModel saved) {
    return AskedUser.fromFiles(saved, UsersFile.read(usersFile), usersFile, ratingsFile);
  }

  /** Says on stderr that a model of the demo architecture does not read the ratings given, and what they still do. */
  static void noteIgnoredRatings(SavedModel saved, List<AskedUser> users, PrintWriter err, String effect) {
    if (saved.model().architecture() == Architecture.DEMO && users.stream().anyMatch(u -> u.given() > 0)) {
      err.println("Note: this model (" + Architecture.DEMO + " architecture) reads age, gender, occupation and user"
          + " id, not ratings: " + effect + ".");
      err.flush();
    }
  }

  /** Exactly one way to say who, a whole new-user description, a sensible {@code -k}: else a usage error. */
  private void checkArguments() {
    boolean describesNewUser = who.describesNewUser();
    int ways = (describesNewUser ? 1 : 0) + (who.userId != null ? 1 : 0) + (usersFile != null ? 1 : 0);
    if (ways == 0 && who.rated == null) {
      throw usage("say who the recommendations are for: a new user (" + NEW_USER + ", and --rated LIST for what"
          + " they rated), a known user (--user ID) or the users of a file (--users-file FILE)");
    }
    if (ways > 1) {
      List<String> given = new ArrayList<>();
      if (describesNewUser) {
        given.add("a new user (" + NEW_USER + ")");
      }
      if (who.userId != null) {
        given.add("--user");
      }
      if (usersFile != null) {
        given.add("--users-file");
      }
      throw usage("give only one of a new user (" + NEW_USER + "), --user ID or --users-file FILE; got "
          + String.join(" and ", given));
    }
    if (usersFile != null && who.rated != null) {
      throw usage("--rated describes one user; give the ratings of the users of --users-file in --ratings-file FILE"
          + " (" + RatingsFile.FORMAT + ")");
    }
    if (ratingsFile != null && usersFile == null) {
      throw usage("--ratings-file gives the ratings of the users of --users-file FILE (" + UsersFile.FORMAT
          + "); for one user, give their ratings with --rated LIST");
    }
    who.check(spec.commandLine());
    if (k < 1) {
      throw usage("-k/--top must be at least 1, got: " + k);
    }
  }

  private ItemFilter filter() {
    ItemFilter filter = ItemFilter.NONE;
    if (!genres.isEmpty()) {
      filter = filter.withGenres(EnumSet.copyOf(genres));
    }
    if (years != null) {
      filter = years.applyTo(filter);
    }
    return filter;
  }

  /**
   * The caption of one user's table, saying how many ratings were given: "Recommendations for a new user: female,
   * 25-34, programmer, who rated 3 movies", "Recommendations for user 1 (F, under 18, K-12 student), with 1 more
   * rating".
   */
  static String caption(AskedUser user) {
    String caption = caption(user.asked(), user.profile().user());
    int n = user.given();
    if (n == 0) {
      return caption;
    }
    return caption + (user.isNewToModel()
        ? String.format(Locale.ROOT, ", who rated %,d movie%s", n, n == 1 ? "" : "s")
        : String.format(Locale.ROOT, ", with %,d more rating%s", n, n == 1 ? "" : "s"));
  }

  /** "Recommendations for a new user: female, under 18, K-12 student" or "... for user 1 (F, under 18, ...)". */
  static String caption(User asked, User used) {
    if (asked.isNew()) {
      return "Recommendations for a new user: " + RecommendationTable.demographics(asked);
    }
    if (used.isNew()) {
      return "Recommendations for user " + asked.id() + ", new to the model: "
          + RecommendationTable.demographics(asked);
    }
    return String.format(Locale.ROOT, "Recommendations for user %d (%s)", asked.id(),
        RecommendationTable.shortDemographics(asked));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
