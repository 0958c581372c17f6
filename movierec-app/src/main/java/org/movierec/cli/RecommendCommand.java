package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.cli.Converters.YearRange;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.VectorIndex;
import org.movierec.model.Catalog;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.ModelIndex;
import org.movierec.recommend.Recommendation;
import org.movierec.recommend.RecommendRequest;
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
      "Recommend movies to a new user (describe them with -a, -g and -j), to a user the model knows (--user), or to"
          + " every user of a file (--users-file). Movies a known user has rated are never recommended.",
      "The score is the cosine of the user's and the movie's vectors; 'stars' is the rating the model predicts.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the original demo's codes: under 18, female, K-12 student",
      "  movierec recommend -a 0 -g 1 -j 10",
      "  movierec recommend --age 25 --gender F --job programmer -k 10",
      "  movierec recommend --user 1 --json",
      "  # one user a line, UserID::Gender::Age::Occupation::Zip-code:",
      "  movierec recommend --users-file users.dat",
      "  movierec recommend --user 1 --genre Comedy --genre Romance --years 1990-1999",
      "  # rebuild the index first, as the original demo's -i:",
      "  movierec recommend -i -a 1 -g M -j 4",
    })
final class RecommendCommand implements Callable<Integer> {
  private static final String NEW_USER = "-a/--age, -g/--gender and -j/--job";

  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = {"-a", "--age"}, paramLabel = "AGE", converter = Converters.AgeConverter.class,
      description = "A new user's age: a bucket code 0..6 (0 = under 18, 1 = 18-24, 2 = 25-34, 3 = 35-44,"
          + " 4 = 45-49, 5 = 50-55, 6 = 56+), an age in years from 7 (e.g. 25), or a label (18-24).")
  AgeGroup age;

  @Option(names = {"-g", "--gender"}, paramLabel = "GENDER", converter = Converters.GenderConverter.class,
      description = "A new user's gender: 0 or M or male, 1 or F or female.")
  Gender gender;

  @Option(names = {"-j", "--job"}, paramLabel = "JOB", converter = Converters.OccupationConverter.class,
      completionCandidates = Converters.OccupationNames.class,
      description = "A new user's occupation: a code 0..20 or a name (one part of a name is enough: educator)."
          + " Codes in this order: ${COMPLETION-CANDIDATES}.")
  Occupation job;

  @Option(names = "--user", paramLabel = "ID", description = "A user the model knows, by MovieLens user id.")
  Integer userId;

  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Many users, one a line, as in users.dat: UserID::Gender::Age::Occupation::Zip-code (the zip"
          + " code may be left out). A user id the model does not know is treated as a new user.")
  Path usersFile;

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
    Path dir = model.resolve(root.environment());
    SavedModel saved = ModelFiles.load(dir);
    List<User> users = usersFile != null ? UsersFile.read(usersFile) : List.of(singleUser(saved.catalog()));
    if (rebuildIndex) {
      IndexCommand.build(dir, saved, spec.commandLine().getErr()); // stdout stays the result alone
    }
    ItemFilter filter = filter();
    List<List<Recommendation>> found = new ArrayList<>();
    List<User> used = new ArrayList<>();
    try (VectorIndex index = ModelIndex.open(dir, saved)) {
      EmbeddingRecommender recommender = new EmbeddingRecommender(saved.model(), saved.catalog(), saved.seen(), index);
      for (User asked : users) {
        User user = asked.isNew() || saved.catalog().users().containsKey(asked.id())
            ? asked
            : User.newUser(asked.gender(), asked.age(), asked.occupation()); // an id the model does not know
        used.add(user);
        found.add(recommender.recommend(new RecommendRequest(user, k, filter)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json && usersFile == null) {
      out.println(Json.write(RecommendationTable.rows(found.get(0))));
    } else if (json) {
      List<RecommendationTable.UserRows> rows = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        rows.add(RecommendationTable.UserRows.of(users.get(i).id(), used.get(i), found.get(i)));
      }
      out.println(Json.write(rows));
    } else {
      for (int i = 0; i < users.size(); i++) {
        if (i > 0) {
          out.println();
        }
        RecommendationTable.print(out, caption(users.get(i), used.get(i)), found.get(i));
      }
    }
    out.flush();
    return 0;
  }

  /** Exactly one way to say who, a whole new-user description, a sensible {@code -k}: else a usage error. */
  private void checkArguments() {
    boolean describesNewUser = age != null || gender != null || job != null;
    int ways = (describesNewUser ? 1 : 0) + (userId != null ? 1 : 0) + (usersFile != null ? 1 : 0);
    if (ways == 0) {
      throw usage("say who the recommendations are for: a new user (" + NEW_USER + "), a known user (--user ID)"
          + " or the users of a file (--users-file FILE)");
    }
    if (ways > 1) {
      List<String> given = new ArrayList<>();
      if (describesNewUser) {
        given.add("a new user (" + NEW_USER + ")");
      }
      if (userId != null) {
        given.add("--user");
      }
      if (usersFile != null) {
        given.add("--users-file");
      }
      throw usage("give only one of a new user (" + NEW_USER + "), --user ID or --users-file FILE; got "
          + String.join(" and ", given));
    }
    if (describesNewUser && (age == null || gender == null || job == null)) {
      List<String> missing = new ArrayList<>();
      if (age == null) {
        missing.add("-a/--age");
      }
      if (gender == null) {
        missing.add("-g/--gender");
      }
      if (job == null) {
        missing.add("-j/--job");
      }
      throw usage("a new user needs " + NEW_USER + "; missing: " + String.join(", ", missing));
    }
    if (userId != null && userId < 1) {
      throw usage("--user must be a positive user id, got: " + userId);
    }
    if (k < 1) {
      throw usage("-k/--top must be at least 1, got: " + k);
    }
  }

  private User singleUser(Catalog catalog) {
    if (userId == null) {
      return User.newUser(gender, age, job);
    }
    User known = catalog.users().get(userId);
    if (known == null) {
      IntSummaryStatistics ids = catalog.users().keySet().stream().mapToInt(Integer::intValue).summaryStatistics();
      boolean gaps = ids.getMax() - ids.getMin() + 1 != ids.getCount();
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown user %d: the model knows %,d users"
          + " with ids %d..%d%s; for someone new, describe them with %s instead", userId, ids.getCount(),
          ids.getMin(), ids.getMax(), gaps ? " (not every id in between)" : "", NEW_USER));
    }
    return known;
  }

  private ItemFilter filter() {
    ItemFilter filter = ItemFilter.NONE;
    if (!genres.isEmpty()) {
      filter = filter.withGenres(EnumSet.copyOf(genres));
    }
    if (years != null) {
      filter = filter.withYears(years.min(), years.max());
    }
    return filter;
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
