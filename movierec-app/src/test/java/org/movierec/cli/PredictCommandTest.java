package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;

class PredictCommandTest {
  private final TrainedFixture fixture = TrainedFixture.get();
  private final SavedModel saved = ModelFiles.load(fixture.model);

  @TempDir Path tmp;

  private Cli.Run predict(String... args) {
    return predictWith(fixture.model, args);
  }

  private Cli.Run predictWith(Path model, String... args) {
    List<String> all = new ArrayList<>(List.of("predict", "--model", model.toString()));
    all.addAll(List.of(args));
    return Cli.run(fixture.home, all.toArray(String[]::new));
  }

  @Test
  void predicts_one_rating_in_stars_per_input_line_ignoring_extra_fields() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1::5::978300760\n2::30\n20::15::3\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Predicted 3 ratings into " + output);
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(3);
    String[] pairs = {"1::1::", "2::30::", "20::15::"};
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i)).startsWith(pairs[i]).matches("\\d+::\\d+::\\d\\.\\d{4}");
      double stars = Double.parseDouble(lines.get(i).substring(lines.get(i).lastIndexOf(':') + 1));
      assertThat(stars).isBetween(1.0, 5.0);
    }
  }

  @Test
  void writes_to_stdout_without_an_output_file_and_accepts_ratings_dat_as_it_is() {
    Cli.Run run = predict("--input", fixture.data.dir.resolve("ratings.dat").toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(fixture.data.ratingLines.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] rating = fixture.data.ratingLines.get(i).split("::");
      assertThat(lines.get(i)).startsWith(rating[0] + "::" + rating[1] + "::");
    }
  }

  @Test
  void names_the_malformed_line_and_writes_no_output_file() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n2::30\n3;;4\n5::6\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: " + input + " line 3: expected at least 2 fields separated by '::'"
        + " (UserID::MovieID[::...]), got 1: '3;;4'" + System.lineSeparator());
    assertThat(output).doesNotExist();
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("pairs.dat");
    }
  }

  @Test
  void leaves_an_existing_output_file_untouched_when_a_line_is_bad() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n1::abc\n");
    Path output = Files.writeString(tmp.resolve("predictions.dat"), "previous\n");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2, field 2 (movie id): expected a positive integer, got 'abc'");
    assertThat(output).hasContent("previous");
  }

  @Test
  void refuses_a_movie_the_model_does_not_know_naming_the_line() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n1::31\n");
    Cli.Run run = predict("--input", input.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(input + " line 2, field 2 (movie id): unknown movie 31; the model knows 30 ids"
        + " in 1..30");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void refuses_a_user_the_model_does_not_know_naming_the_line() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "21::1\n");
    Cli.Run run = predict("--input", input.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 1, field 1 (user id): unknown user 21")
        .contains("demographics it does not know");
  }

  @Test
  void refuses_a_blank_line_between_lines_and_an_empty_file() throws IOException {
    Path gap = Files.writeString(tmp.resolve("gap.dat"), "1::1\n\n2::2\n");
    assertThat(predict("--input", gap.toString()).err()).contains(gap + " line 2: blank line");
    Path empty = Files.writeString(tmp.resolve("empty.dat"), "\n");
    assertThat(predict("--input", empty.toString()).err()).contains(empty + " is empty");
    assertThat(predict("--input", tmp.resolve("missing.dat").toString()).err())
        .contains("cannot read " + tmp.resolve("missing.dat") + ": no such file");
  }

  /** The model's own prediction for the profile, independently of predict's route. */
  private static float modelSays(SavedModel model, UserProfile profile, int movieId) {
    float[] out = new float[1];
    model.model().predictStars(profile, new Movie[] {model.catalog().movie(movieId)}, out);
    return out[0];
  }

  /** Checks {user}::{movie}::{stars} lines against the model's own predictions, to the 4 decimals written. */
  private static void assertPredictions(SavedModel model, List<String> lines, UserProfile[] profiles, int[] userIds,
      int[] movies) {
    assertThat(lines).hasSize(movies.length);
    for (int i = 0; i < movies.length; i++) {
      String prefix = userIds[i] + "::" + movies[i] + "::";
      assertThat(lines.get(i)).startsWith(prefix).matches("\\d+::\\d+::\\d\\.\\d{4}");
      assertThat(Float.parseFloat(lines.get(i).substring(prefix.length())))
          .as(lines.get(i)).isCloseTo(modelSays(model, profiles[i], movies[i]), within(1.5e-4f));
    }
  }

  /** The profile of a user the model knows, as saved with it: their demographics and every rating of the data. */
  private UserProfile known(SavedModel model, int userId) {
    return model.profile(model.catalog().users().get(userId));
  }

  /** A user's ratings as ratings.dat of the tiny data set has them, the given ones replacing theirs. */
  private List<RatedMovie> ratingsOf(int userId, RatedMovie... given) {
    Map<Integer, Integer> stars = new LinkedHashMap<>();
    for (String line : fixture.data.ratingLines) {
      String[] f = line.split("::");
      if (Integer.parseInt(f[0]) == userId) {
        stars.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
      }
    }
    for (RatedMovie r : given) {
      stars.put(r.movieId(), r.stars());
    }
    List<RatedMovie> out = new ArrayList<>();
    stars.forEach((movie, s) -> out.add(new RatedMovie(movie, s)));
    return out;
  }

  private static final String NOTE = "Note: this model (demo architecture) reads age, gender, occupation and user id,"
      + " not ratings: the predictions do not depend on the given ratings." + System.lineSeparator();
  private static final User NEW = User.newUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER);

  @Test
  void writes_the_models_own_prediction_for_each_pair() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1::5\n2::30\n1::7\n20::15::3\n");
    Cli.Run run = predict("--input", input.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertPredictions(saved, run.outLines(), new UserProfile[] {known(saved, 1), known(saved, 2), known(saved, 1),
        known(saved, 20)}, new int[] {1, 2, 1, 20}, new int[] {1, 30, 7, 15});
  }

  @Test
  void a_known_users_profile_holds_every_rating_of_the_data() {
    for (int user : new int[] {1, 3, 20}) {
      assertThat(known(saved, user).ratings()).containsExactlyInAnyOrderElementsOf(ratingsOf(user));
    }
  }

  @Test
  void predicts_for_users_of_a_users_file_the_model_does_not_know_by_their_line_and_ratings() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n2::M::25::2::10002\n");
    Path ratings = Files.writeString(tmp.resolve("ratings.dat"), "999::3::5\n999::4::1::978300760\n");
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "999::1\n2::30\n1::7\n999::30::4\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predict("--input", input.toString(), "--users-file", users.toString(), "--ratings-file",
        ratings.toString(), "--output", output.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    // the history model reads ratings: no note
    assertThat(run.err()).isEqualTo("Predicted 4 ratings into " + output + System.lineSeparator());
    UserProfile rated = new UserProfile(NEW, List.of(new RatedMovie(3, 5), new RatedMovie(4, 1)));
    List<String> withRatings = Files.readAllLines(output);
    assertPredictions(saved, withRatings, new UserProfile[] {rated, known(saved, 2), known(saved, 1), rated},
        new int[] {999, 2, 1, 999}, new int[] {1, 30, 7, 30});

    Cli.Run withoutRatings = predict("--input", input.toString(), "--users-file", users.toString());
    assertThat(withoutRatings.exitCode()).as("%s", withoutRatings).isZero();
    assertThat(withoutRatings.err()).isEmpty();
    UserProfile unrated = UserProfile.of(NEW);
    assertPredictions(saved, withoutRatings.outLines(), new UserProfile[] {unrated, known(saved, 2), known(saved, 1),
        unrated}, new int[] {999, 2, 1, 999}, new int[] {1, 30, 7, 30});
    assertThat(withoutRatings.outLines().get(0)).isNotEqualTo(withRatings.get(0));
  }

  @Test
  void the_demo_model_predicts_the_same_for_a_users_file_with_or_without_their_ratings() throws IOException {
    Path demo = fixture.demoModel();
    SavedModel demoSaved = ModelFiles.load(demo);
    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n2::M::25::2::10002\n");
    Path ratings = Files.writeString(tmp.resolve("ratings.dat"), "999::3::5\n999::4::1::978300760\n");
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "999::1\n2::30\n1::7\n999::30::4\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predictWith(demo, "--input", input.toString(), "--users-file", users.toString(), "--ratings-file",
        ratings.toString(), "--output", output.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEqualTo(NOTE + "Predicted 4 ratings into " + output + System.lineSeparator());
    UserProfile unrated = UserProfile.of(NEW);
    assertPredictions(demoSaved, Files.readAllLines(output), new UserProfile[] {unrated, known(demoSaved, 2),
        known(demoSaved, 1), unrated}, new int[] {999, 2, 1, 999}, new int[] {1, 30, 7, 30});

    Cli.Run withoutRatings = predictWith(demo, "--input", input.toString(), "--users-file", users.toString());
    assertThat(withoutRatings.exitCode()).as("%s", withoutRatings).isZero();
    assertThat(withoutRatings.err()).isEmpty();
    assertThat(withoutRatings.outLines()).isEqualTo(Files.readAllLines(output)); // the demo model reads no ratings
  }

  @Test
  void predicts_some_movies_for_one_user_described_on_the_command_line() {
    Cli.Run run = predict("--rated", "1:5,2:3", "-a", "25", "-g", "F", "-j", "programmer", "--movies", "30,7,30");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    UserProfile rated = new UserProfile(NEW, List.of(new RatedMovie(1, 5), new RatedMovie(2, 3)));
    assertPredictions(saved, run.outLines(), new UserProfile[] {rated, rated, rated}, new int[] {0, 0, 0},
        new int[] {30, 7, 30});

    // user 3's ratings and one more (or another star count for a movie they rated)
    Cli.Run known = predict("--user", "3", "--rated", "30:1", "--movies", "30");
    assertThat(known.exitCode()).as("%s", known).isZero();
    User three = saved.catalog().users().get(3);
    assertPredictions(saved, known.outLines(),
        new UserProfile[] {new UserProfile(three, ratingsOf(3, new RatedMovie(30, 1)))}, new int[] {3},
        new int[] {30});
    assertThat(known.outLines()).isNotEqualTo(predict("--user", "3", "--movies", "30").outLines());
  }

  @Test
  void the_demo_model_predicts_for_one_user_without_reading_the_given_ratings() {
    Path demo = fixture.demoModel();
    SavedModel demoSaved = ModelFiles.load(demo);
    Cli.Run run = predictWith(demo, "--rated", "1:5,2:3", "-a", "25", "-g", "F", "-j", "programmer", "--movies",
        "30,7,30");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEqualTo(NOTE);
    UserProfile unrated = UserProfile.of(NEW);
    assertPredictions(demoSaved, run.outLines(), new UserProfile[] {unrated, unrated, unrated}, new int[] {0, 0, 0},
        new int[] {30, 7, 30});

    Cli.Run known = predictWith(demo, "--user", "3", "--rated", "30:1", "--movies", "30");
    assertThat(known.exitCode()).as("%s", known).isZero();
    assertPredictions(demoSaved, known.outLines(), new UserProfile[] {known(demoSaved, 3)}, new int[] {3},
        new int[] {30});
  }

  @Test
  void refuses_an_input_user_neither_the_model_nor_the_users_file_knows() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n");
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "999::1\n21::1\n");
    Cli.Run run = predict("--input", input.toString(), "--users-file", users.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: " + input + " line 2, field 1 (user id): unknown user 21; the model"
        + " knows 20 ids in 1..20 and cannot predict for a user whose demographics it does not know, and " + users
        + " has no line for them" + System.lineSeparator());
    assertThat(predict("--input", input.toString()).err()).contains("line 1, field 1 (user id): unknown user 999;")
        .contains("; describe such users with --users-file FILE (and their ratings with --ratings-file FILE)");
  }

  @Test
  void refuses_a_users_file_that_describes_a_user_twice() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n5::M::18::1\n999::M::25::12\n");
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "999::1\n");
    Cli.Run run = predict("--input", input.toString(), "--users-file", users.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: " + users + " line 3, field 1 (user id): user 999 is also on line 1;"
        + " give each user one line" + System.lineSeparator());
  }

  @Test
  void asks_for_one_input_with_each_option_where_it_belongs() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n");
    String[][] cases = {
      {"", "say what to predict: --input FILE (UserID::MovieID[::...] lines), or --movies LIST for one user"
          + " (-a/--age, -g/--gender and -j/--job or --user ID, and --rated LIST)"},
      {"--input " + input + " --movies 1", "give only one of --input FILE (pairs of users and movies) and --movies"
          + " LIST (movies for one user); got both"},
      {"--input " + input + " --rated 1:5", "-a/--age, -g/--gender and -j/--job, --user and --rated describe the one"
          + " user of --movies; with --input the users are the file's: describe users the model does not know with"
          + " --users-file FILE (and their ratings with --ratings-file FILE)"},
      {"--movies 1 --user 1 --users-file " + input, "--users-file and --ratings-file describe the users of --input;"
          + " with --movies, describe the one user with -a/--age, -g/--gender and -j/--job or --user ID, and --rated"
          + " LIST"},
      {"--input " + input + " --ratings-file " + input, "--ratings-file gives the ratings of the users of"
          + " --users-file FILE (UserID::Gender::Age::Occupation::Zip-code)"},
      {"--movies 1", "--movies needs a user: a new user (-a/--age, -g/--gender and -j/--job, and --rated LIST for"
          + " what they rated) or --user ID"},
      {"--movies 1 --rated 1:5", "--rated needs a user to describe: a new user's -a/--age, -g/--gender and -j/--job"
          + " (the model reads demographics as well as ratings), or --user ID to add the ratings to a user the model"
          + " knows"},
      {"--movies 1,x --user 1", "Invalid value for option '--movies': item 2, 'x': expected a movie id (a positive"
          + " integer), such as 2571"},
    };
    for (String[] c : cases) {
      Cli.Run run = predict(c[0].isEmpty() ? new String[0] : c[0].split(" "));
      assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(run.err()).as(c[0]).isEqualTo("movierec: " + c[1] + System.lineSeparator()
          + "Try 'movierec predict --help' for more information." + System.lineSeparator());
    }
    Cli.Run unknownMovie = predict("--user", "1", "--movies", "1,31");
    assertThat(unknownMovie.exitCode()).isEqualTo(1);
    assertThat(unknownMovie.err()).isEqualTo("movierec: --movies item 2, '31': unknown movie 31: the model's catalog"
        + " has 30 movies with ids 1..30; movies.dat of the data it was trained on lists them"
        + " (MovieID::Title::Genres)" + System.lineSeparator());
  }

  @Test
  void refuses_a_model_trained_for_ranking_which_predicts_no_stars() throws IOException {
    Path ranking = tmp.resolve("ranking");
    Cli.Run train = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model", ranking.toString(),
        "--architecture", "demo", "--objective", "ranking", "--epochs", "1", "--seed", "1");
    assertThat(train.exitCode()).as("%s", train).isZero();
    Cli.Run run = Cli.run(fixture.home, "predict", "--model", ranking.toString(), "--user", "1", "--movies", "1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: the model in " + ranking + " was trained for ranking (objective"
        + " ranking): it orders movies but predicts no ratings; predict needs a model that predicts stars, trained"
        + " with: movierec train (the default history architecture) or movierec train --architecture demo"
        + " --objective mse" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }
}
