package org.movierec.cli;

import java.util.ArrayList;
import java.util.List;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.model.Catalog;
import org.movierec.model.SavedModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that describe one user, shared by {@code recommend} and {@code predict}: a new user by demographics
 * ({@code -a -g -j}), a user the model knows ({@code --user}), and ratings ({@code --rated}) that describe either.
 * {@code --rated} needs one of the two: the model reads demographics as well as ratings, and a made-up default would
 * answer for someone else.
 */
final class OneUserOptions {
  static final String NEW_USER = "-a/--age, -g/--gender and -j/--job";

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

  @Option(names = "--rated", paramLabel = "LIST", converter = RatedList.Converter.class,
      description = "Movies the user rated, as " + RatedList.FORMAT + " (e.g. 1193:5,2355:4,1:3): MovieLens movie"
          + " ids of the model's catalog, stars 1..5, each movie once. With -a, -g and -j: a new user described by"
          + " demographics and these ratings, at once, without retraining. With --user: added to the ratings the"
          + " model holds for that user (a rating given here replaces a saved one of the same movie).")
  RatedList rated;

  /** Whether any of these options is given. */
  boolean any() {
    return describesNewUser() || userId != null || rated != null;
  }

  /** Whether any of {@code -a -g -j} is given. */
  boolean describesNewUser() {
    return age != null || gender != null || job != null;
  }

  /**
   * Usage errors of these options among themselves: a partial new-user description, a new user and {@code --user}
   * together, {@code --rated} without saying whose, a user id below 1.
   */
  void check(CommandLine cmd) {
    if (describesNewUser() && userId != null) {
      throw new ParameterException(cmd, "give only one of a new user (" + NEW_USER + ") and --user ID; got a new"
          + " user (" + NEW_USER + ") and --user");
    }
    if (rated != null && !describesNewUser() && userId == null) {
      throw new ParameterException(cmd, "--rated needs a user to describe: a new user's " + NEW_USER + " (the model"
          + " reads demographics as well as ratings), or --user ID to add the ratings to a user the model knows");
    }
    if (describesNewUser() && (age == null || gender == null || job == null)) {
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
      throw new ParameterException(cmd, "a new user needs " + NEW_USER + "; missing: " + String.join(", ", missing));
    }
    if (userId != null && userId < 1) {
      throw new ParameterException(cmd, "--user must be a positive user id, got: " + userId);
    }
  }

  /** The one user these options describe, checked against the model: a known id, movies of its catalog. */
  AskedUser resolve(SavedModel saved) {
    Catalog catalog = saved.catalog();
    User user = userId == null ? User.newUser(gender, age, job) : known(catalog);
    List<RatedMovie> given = List.of();
    if (rated != null) {
      try {
        rated.requireKnown(catalog);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--rated " + e.getMessage(), e);
      }
      given = rated.ratings();
    }
    return AskedUser.of(saved, user, given);
  }

  private User known(Catalog catalog) {
    User known = catalog.users().get(userId);
    if (known == null) {
      throw new IllegalArgumentException("unknown user " + userId + ": the model knows "
          + KnownIds.range(catalog.users(), "users") + "; for someone new, describe them with " + NEW_USER
          + " (and --rated) instead");
    }
    return known;
  }
}
