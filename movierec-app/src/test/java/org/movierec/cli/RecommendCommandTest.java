package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;

class RecommendCommandTest {
  /** rank, movie id, title, score, stars. */
  private static final Pattern ROW = Pattern.compile("\\s*(\\d+)\\s+(\\d+)  (.+?)\\s+(-?\\d\\.\\d{4})\\s+(\\d\\.\\d{2})");

  private static TrainedFixture fixture;
  /** The default (history) model, indexed. */
  private static Path model;
  private static SavedModel saved;
  /** The original demo's towers, indexed: they read no ratings. */
  private static Path demo;

  @TempDir static Path shared;
  @TempDir Path tmp;

  @BeforeAll
  static void indexTheModel() throws IOException {
    fixture = TrainedFixture.get();
    model = fixture.copyModel(shared.resolve("model"));
    Cli.Run run = Cli.run(fixture.home, "index", "--model", model.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    saved = ModelFiles.load(model);
    demo = fixture.copyDemoModel(shared.resolve("demo"));
    Cli.Run demoIndex = Cli.run(fixture.home, "index", "--model", demo.toString());
    assertThat(demoIndex.exitCode()).as("%s", demoIndex).isZero();
  }

  private static Cli.Run recommend(String... args) {
    return recommendWith(model, args);
  }

  private static Cli.Run recommendWith(Path modelDir, String... args) {
    List<String> all = new ArrayList<>(List.of("recommend", "--model", modelDir.toString()));
    all.addAll(List.of(args));
    return Cli.run(fixture.home, all.toArray(String[]::new));
  }

  /** The table rows of the output, as {rank, movie id, title}. */
  private static List<String[]> rows(String out) {
    List<String[]> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
    }
    return rows;
  }

  @Test
  void recommends_k_movies_of_the_catalog_to_a_new_user_described_with_the_demo_codes() {
    Cli.Run run = recommend("-a", "0", "-g", "1", "-j", "10", "-k", "3");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines().get(0))
        .isEqualTo("Recommendations for a new user: female, under 18, K-12 student");
    assertThat(run.outLines().get(1)).matches("rank  movie id  title\\s+score  stars");
    List<String[]> rows = rows(run.out());
    assertThat(rows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(rows.get(i)[0]).isEqualTo(Integer.toString(i + 1));
      int id = Integer.parseInt(rows.get(i)[1]);
      assertThat(rows.get(i)[2]).isEqualTo(TinyMovieLens.title(id));
    }
    assertThat(run.err()).isEmpty();
  }

  @Test
  void accepts_readable_values_for_age_gender_and_job() {
    Cli.Run run = recommend("--age", "25", "--gender", "female", "--job", "programmer", "-k", "3");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("Recommendations for a new user: female, 25-34, programmer");
    assertThat(rows(run.out())).hasSize(3);
  }

  @Test
  void recommends_five_movies_by_default_as_the_original_demo() {
    assertThat(rows(recommend("-a", "1", "-g", "F", "-j", "10").out())).hasSize(5);
  }

  @Test
  void prints_json_with_rank_movie_id_title_and_score() throws IOException {
    Cli.Run run = recommend("-a", "1", "-g", "F", "-j", "10", "-k", "3", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode item = json.get(i);
      assertThat(item.get("rank").asInt()).isEqualTo(i + 1);
      assertThat(item.get("title").asText()).isEqualTo(TinyMovieLens.title(item.get("movieId").asInt()));
      assertThat(item.get("score").isNumber()).isTrue();
      assertThat(item.get("predictedStars").asDouble()).isBetween(1.0, 5.0);
    }
  }

  @Test
  void never_recommends_a_movie_the_known_user_rated() throws IOException {
    Set<Integer> rated = fixture.data.rated.get(1);
    Cli.Run run = recommend("--user", "1", "-k", "10", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json).hasSize(TinyMovieLens.MOVIES - rated.size());
    for (JsonNode item : json) {
      assertThat(rated).doesNotContain(item.get("movieId").asInt());
    }
    Cli.Run table = recommend("--user", "1");
    assertThat(table.out()).startsWith("Recommendations for user 1 (F, under 18, K-12 student)");
  }

  @Test
  void recommends_to_every_user_of_a_users_file_treating_unknown_ids_as_new() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "2::M::56::2::10002\n999::F::25::12::02139\n\n");
    Cli.Run run = recommend("--users-file", users.toString(), "-k", "2");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Recommendations for user 2 (M, 56+, artist)")
        .contains("Recommendations for user 999, new to the model: female, 25-34, programmer");
    assertThat(rows(run.out())).hasSize(4);

    JsonNode json = new ObjectMapper().readTree(recommend("--users-file", users.toString(), "-k", "2", "--json").out());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("userId").asInt()).isEqualTo(2);
    assertThat(json.get(0).get("newUser").asBoolean()).isFalse();
    assertThat(json.get(1).get("userId").asInt()).isEqualTo(999);
    assertThat(json.get(1).get("newUser").asBoolean()).isTrue();
    assertThat(json.get(1).get("recommendations")).hasSize(2);
    for (JsonNode item : json.get(0).get("recommendations")) {
      assertThat(fixture.data.rated.get(2)).doesNotContain(item.get("movieId").asInt());
    }
  }

  @Test
  void names_file_line_and_field_of_a_broken_users_file_line() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "2::M::56::2::10002\n3::M::30::2::10003\n");
    Cli.Run run = recommend("--users-file", users.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(users + " line 2, field 3 (age)").contains("'30'").contains("25 (25-34)");
    assertThat(run.out()).isEmpty();

    Files.writeString(users, "2::M::56::2::10002\n4::X::25::2::10003\n");
    assertThat(recommend("--users-file", users.toString()).err()).contains("line 2, field 2 (gender)")
        .contains("expected M or F, got 'X'");
    Files.writeString(users, "2::M::56::21::10002\n");
    assertThat(recommend("--users-file", users.toString()).err()).contains("line 1, field 4 (occupation)")
        .contains("12 = programmer");
    Files.writeString(users, "2::M::56\n");
    assertThat(recommend("--users-file", users.toString()).err()).contains("line 1: expected 4 or 5 fields");
  }

  @Test
  void says_to_run_index_when_the_model_has_no_index_and_builds_it_with_dash_i() throws IOException {
    Path bare = fixture.copyModel(tmp.resolve("bare"));
    Cli.Run run = Cli.run(fixture.home, "recommend", "--model", bare.toString(), "-a", "1", "-g", "F", "-j", "10");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("movierec index --model " + bare);

    Cli.Run indexed = Cli.run(fixture.home, "recommend", "--model", bare.toString(), "-i", "-a", "1", "-g", "F",
        "-j", "10", "--json");
    assertThat(indexed.exitCode()).as("%s", indexed).isZero();
    assertThat(indexed.err()).startsWith("Indexed 30 movies");
    assertThat(new ObjectMapper().readTree(indexed.out())).hasSize(5); // stdout holds the JSON alone
  }

  @Test
  void keeps_to_the_genres_and_years_asked_for() throws IOException {
    Cli.Run run = recommend("-a", "1", "-g", "F", "-j", "10", "--genre", "drama", "--years", "1995-1999", "-k",
        "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json).hasSize(5); // movies 22, 24, 26, 28 and 30
    for (JsonNode item : json) {
      assertThat(item.get("genres").toString()).contains("Drama");
      assertThat(item.get("year").asInt()).isBetween(1995, 1999);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--job astronaut       | Invalid value for option '--job': unknown occupation 'astronaut'; valid: 0 = other,",
    "--age 200             | unknown age '200'; valid: a bucket code 0..6 (0 = under 18",
    "--gender X            | unknown gender 'X'; valid: M or male or 0, F or female or 1",
  })
  void rejects_a_bad_demographic_value_listing_the_valid_ones(String option, String message) {
    String[] words = option.trim().split(" ");
    List<String> args = new ArrayList<>(List.of("-a", "1", "-g", "F", "-j", "10"));
    int at = args.indexOf(words[0].equals("--job") ? "-j" : words[0].equals("--age") ? "-a" : "-g");
    args.set(at, words[0]);
    args.set(at + 1, words[1]);
    Cli.Run run = recommend(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message.trim()).contains("Try 'movierec recommend --help'");
    if (words[0].equals("--job")) {
      assertThat(run.err()).contains("12 = programmer").contains("10 = K-12 student");
    }
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rejects_k_below_one() {
    Cli.Run run = recommend("-a", "1", "-g", "F", "-j", "10", "-k", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("-k/--top must be at least 1, got: 0");
  }

  @Test
  void rejects_an_unknown_user_saying_which_ids_the_model_knows_and_how_to_describe_a_new_one() {
    Cli.Run run = recommend("--user", "999999");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown user 999999: the model knows 20 users with ids 1..20")
        .contains("-a/--age, -g/--gender and -j/--job");
  }

  @Test
  void lists_what_a_partial_new_user_description_is_missing() {
    Cli.Run run = recommend("-a", "25");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a new user needs -a/--age, -g/--gender and -j/--job; missing: -g/--gender, "
        + "-j/--job");
  }

  @Test
  void asks_for_exactly_one_way_to_say_who() {
    Cli.Run none = recommend();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("say who the recommendations are for");
    Cli.Run both = recommend("--user", "1", "-a", "1", "-g", "F", "-j", "10");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("give only one of").contains("got a new user (-a/--age, -g/--gender and "
        + "-j/--job) and --user");
  }

  @Test
  void rejects_a_bad_year_range() {
    Cli.Run run = recommend("--user", "1", "--years", "1999-1990");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--years").contains("the first year must not be after the second");
  }

  /** The movie ids of a {@code --json} answer for one user, in order. */
  private static List<Integer> ids(String json) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (JsonNode item : new ObjectMapper().readTree(json)) {
      ids.add(item.get("movieId").asInt());
    }
    return ids;
  }

  private static List<Integer> without(List<Integer> ids, Integer... removed) {
    List<Integer> rest = new ArrayList<>(ids);
    rest.removeAll(List.of(removed));
    return rest;
  }

  private static final String NOTE = "Note: this model (demo architecture) reads age, gender, occupation and user id,"
      + " not ratings: the given ratings only keep their movies out of the recommendations." + System.lineSeparator();

  private static final User YOUNG = User.newUser(Gender.F, AgeGroup.FROM_18_TO_24, Occupation.K12_STUDENT);
  private static final User PROGRAMMER = User.newUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER);

  /**
   * The model's own ranking for a profile, computed here: every movie of the catalog but those the user rated (in the
   * data, for a known user, and in the profile), by the inner product of the query and index vectors, best first.
   */
  private static List<Integer> modelOrder(UserProfile profile) {
    Set<Integer> excluded = new HashSet<>();
    if (!profile.user().isNew()) {
      excluded.addAll(fixture.data.rated.get(profile.user().id()));
    }
    profile.ratings().forEach(r -> excluded.add(r.movieId()));
    float[] query = saved.model().queryVector(profile);
    Map<Integer, Double> scores = new HashMap<>();
    for (Movie m : saved.catalog().movies().values()) {
      if (!excluded.contains(m.id())) {
        float[] v = saved.model().indexVector(m);
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
          dot += (double) query[i] * v[i];
        }
        scores.put(m.id(), dot);
      }
    }
    List<Integer> order = new ArrayList<>(scores.keySet());
    order.sort(Comparator.comparing(scores::get, Comparator.reverseOrder()));
    return order;
  }

  private static List<RatedMovie> ratings(int... movieAndStars) {
    List<RatedMovie> out = new ArrayList<>();
    for (int i = 0; i < movieAndStars.length; i += 2) {
      out.add(new RatedMovie(movieAndStars[i], movieAndStars[i + 1]));
    }
    return out;
  }

  /** A known user as saved with the model, plus the given ratings. */
  private static UserProfile knownWith(int userId, List<RatedMovie> given) {
    UserProfile known = saved.profile(saved.catalog().users().get(userId));
    List<RatedMovie> all = new ArrayList<>(known.ratings());
    all.addAll(given);
    return new UserProfile(known.user(), all);
  }

  @Test
  void reads_the_rated_list_of_a_new_user_and_never_recommends_it_back() throws IOException {
    List<Integer> all = ids(recommend("-a", "1", "-g", "F", "-j", "10", "-k", "30", "--json").out());
    assertThat(all).containsExactlyElementsOf(modelOrder(UserProfile.of(YOUNG)));
    Cli.Run run = recommend("--rated", all.get(0) + ":5, " + all.get(2) + " : 1," + all.get(29) + ":3", "-a", "1",
        "-g", "F", "-j", "10", "-k", "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<Integer> rated = ids(run.out());
    assertThat(rated).hasSize(TinyMovieLens.MOVIES - 3).doesNotContain(all.get(0), all.get(2), all.get(29));
    // the history model reads the ratings: the model's order for the user with them, not the order without them
    assertThat(rated).containsExactlyElementsOf(modelOrder(new UserProfile(YOUNG,
        ratings(all.get(0), 5, all.get(2), 1, all.get(29), 3))));
    assertThat(rated).isNotEqualTo(without(all, all.get(0), all.get(2), all.get(29)));
    assertThat(run.err()).isEmpty();

    Cli.Run table = recommend("--rated", all.get(0) + ":5", "-a", "1", "-g", "F", "-j", "10", "-k", "3");
    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines().get(0))
        .isEqualTo("Recommendations for a new user: female, 18-24, K-12 student, who rated 1 movie");
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1]))
        .containsExactlyElementsOf(modelOrder(new UserProfile(YOUNG, ratings(all.get(0), 5))).subList(0, 3));
  }

  @Test
  void the_demo_model_never_recommends_back_a_movie_of_the_rated_list_and_keeps_its_order() throws IOException {
    List<Integer> all = ids(recommendWith(demo, "-a", "1", "-g", "F", "-j", "10", "-k", "30", "--json").out());
    assertThat(all).hasSize(TinyMovieLens.MOVIES);
    Cli.Run run = recommendWith(demo, "--rated", all.get(0) + ":5, " + all.get(2) + " : 1," + all.get(29) + ":3",
        "-a", "1", "-g", "F", "-j", "10", "-k", "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    // the demo model reads no ratings: the same order, without the three rated movies
    assertThat(ids(run.out())).containsExactlyElementsOf(without(all, all.get(0), all.get(2), all.get(29)));
    assertThat(run.err()).isEqualTo(NOTE);

    Cli.Run table = recommendWith(demo, "--rated", all.get(0) + ":5", "-a", "1", "-g", "F", "-j", "10", "-k", "3");
    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines().get(0))
        .isEqualTo("Recommendations for a new user: female, 18-24, K-12 student, who rated 1 movie");
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1])).containsExactlyElementsOf(all.subList(1, 4));
  }

  @Test
  void adds_the_rated_list_to_a_known_users_ratings_and_recommends_neither() throws IOException {
    List<Integer> unseen = ids(recommend("--user", "1", "-k", "30", "--json").out());
    assertThat(unseen).hasSize(TinyMovieLens.MOVIES - fixture.data.rated.get(1).size())
        .containsExactlyElementsOf(modelOrder(knownWith(1, List.of())));
    Cli.Run run = recommend("--user", "1", "--rated", unseen.get(1) + ":2", "-k", "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(ids(run.out())).doesNotContain(unseen.get(1))
        .containsExactlyElementsOf(modelOrder(knownWith(1, ratings(unseen.get(1), 2))));
    assertThat(run.err()).isEmpty();

    int seen = fixture.data.rated.get(1).iterator().next();
    Cli.Run table = recommend("--user", "1", "--rated", unseen.get(0) + ":2," + seen + ":5", "-k", "2");
    assertThat(table.outLines().get(0))
        .isEqualTo("Recommendations for user 1 (F, under 18, K-12 student), with 2 more ratings");
    // a given rating of a movie the user rated replaces theirs
    List<RatedMovie> replaced = new ArrayList<>(saved.profile(saved.catalog().users().get(1)).ratings());
    replaced.removeIf(r -> r.movieId() == seen);
    replaced.addAll(ratings(unseen.get(0), 2, seen, 5));
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1])).containsExactlyElementsOf(
        modelOrder(new UserProfile(saved.catalog().users().get(1), replaced)).subList(0, 2));
  }

  @Test
  void the_demo_model_adds_the_rated_list_to_a_known_users_ratings_and_recommends_neither() throws IOException {
    List<Integer> unseen = ids(recommendWith(demo, "--user", "1", "-k", "30", "--json").out());
    assertThat(unseen).hasSize(TinyMovieLens.MOVIES - fixture.data.rated.get(1).size());
    Cli.Run run = recommendWith(demo, "--user", "1", "--rated", unseen.get(1) + ":2", "-k", "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(ids(run.out())).containsExactlyElementsOf(without(unseen, unseen.get(1)));
    assertThat(run.err()).isEqualTo(NOTE);

    int seen = fixture.data.rated.get(1).iterator().next();
    Cli.Run table = recommendWith(demo, "--user", "1", "--rated", unseen.get(0) + ":2," + seen + ":5", "-k", "2");
    assertThat(table.outLines().get(0))
        .isEqualTo("Recommendations for user 1 (F, under 18, K-12 student), with 2 more ratings");
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1])).containsExactlyElementsOf(unseen.subList(1, 3));
  }

  @Test
  void recommends_to_the_users_of_a_users_file_with_their_ratings_from_a_ratings_file() throws IOException {
    List<Integer> asNew = ids(recommend("-a", "25", "-g", "F", "-j", "programmer", "-k", "30", "--json").out());
    List<Integer> asUser2 = ids(recommend("--user", "2", "-k", "30", "--json").out());
    // user 2 as users.dat has them (M, 25-34, artist); 999 is new to the model
    Path users = Files.writeString(tmp.resolve("users.dat"), "2::M::25::2::10002\n999::F::25::12::02139\n");
    Path ratings = Files.writeString(tmp.resolve("ratings.dat"), "999::" + asNew.get(0) + "::5\n2::" + asUser2.get(1)
        + "::4::978300760\n999::" + asNew.get(5) + "::1\n");
    List<Integer> user2 = modelOrder(knownWith(2, ratings(asUser2.get(1), 4)));
    List<Integer> user999 = modelOrder(new UserProfile(PROGRAMMER, ratings(asNew.get(0), 5, asNew.get(5), 1)));

    Cli.Run run = recommend("--users-file", users.toString(), "--ratings-file", ratings.toString(), "-k", "30",
        "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("userId").asInt()).isEqualTo(2);
    assertThat(json.get(0).get("newUser").asBoolean()).isFalse();
    assertThat(json.get(0).get("ratingsGiven").asInt()).isEqualTo(1);
    assertThat(ids(json.get(0).get("recommendations").toString())).doesNotContain(asUser2.get(1))
        .containsExactlyElementsOf(user2);
    assertThat(json.get(1).get("userId").asInt()).isEqualTo(999);
    assertThat(json.get(1).get("newUser").asBoolean()).isTrue();
    assertThat(json.get(1).get("ratingsGiven").asInt()).isEqualTo(2);
    assertThat(ids(json.get(1).get("recommendations").toString())).doesNotContain(asNew.get(0), asNew.get(5))
        .containsExactlyElementsOf(user999);

    Cli.Run table = recommend("--users-file", users.toString(), "--ratings-file", ratings.toString(), "-k", "2");
    assertThat(table.outLines()).containsSubsequence(
        "Recommendations for user 2 (M, 25-34, artist), with 1 more rating",
        "Recommendations for user 999, new to the model: female, 25-34, programmer, who rated 2 movies");
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1]))
        .containsExactly(user2.get(0), user2.get(1), user999.get(0), user999.get(1));
  }

  @Test
  void the_demo_model_recommends_to_a_users_file_as_without_the_ratings_file_less_the_rated_movies()
      throws IOException {
    List<Integer> asNew = ids(recommendWith(demo, "-a", "25", "-g", "F", "-j", "programmer", "-k", "30", "--json")
        .out());
    List<Integer> asUser2 = ids(recommendWith(demo, "--user", "2", "-k", "30", "--json").out());
    Path users = Files.writeString(tmp.resolve("users.dat"), "2::M::25::2::10002\n999::F::25::12::02139\n");
    Path ratings = Files.writeString(tmp.resolve("ratings.dat"), "999::" + asNew.get(0) + "::5\n2::" + asUser2.get(1)
        + "::4::978300760\n999::" + asNew.get(5) + "::1\n");

    Cli.Run run = recommendWith(demo, "--users-file", users.toString(), "--ratings-file", ratings.toString(), "-k",
        "30", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEqualTo(NOTE);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("ratingsGiven").asInt()).isEqualTo(1);
    assertThat(ids(json.get(0).get("recommendations").toString()))
        .containsExactlyElementsOf(without(asUser2, asUser2.get(1)));
    assertThat(json.get(1).get("ratingsGiven").asInt()).isEqualTo(2);
    assertThat(ids(json.get(1).get("recommendations").toString()))
        .containsExactlyElementsOf(without(asNew, asNew.get(0), asNew.get(5)));

    Cli.Run table = recommendWith(demo, "--users-file", users.toString(), "--ratings-file", ratings.toString(), "-k",
        "2");
    assertThat(table.outLines()).containsSubsequence(
        "Recommendations for user 2 (M, 25-34, artist), with 1 more rating",
        "Recommendations for user 999, new to the model: female, 25-34, programmer, who rated 2 movies");
    assertThat(rows(table.out())).extracting(r -> Integer.parseInt(r[1]))
        .containsExactly(asUser2.get(0), asUser2.get(2), asNew.get(1), asNew.get(2));
  }

  @Test
  void a_bad_rated_list_is_a_usage_error_naming_the_item() {
    Cli.Run run = recommend("-a", "1", "-g", "F", "-j", "10", "--rated", "1:5,2:4.5");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("movierec: Invalid value for option '--rated': item 2, '2:4.5': stars must be an"
        + " integer 1..5, got '4.5'" + System.lineSeparator() + "Try 'movierec recommend --help' for more information."
        + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_rated_movie_the_model_does_not_know_is_named_with_the_ids_of_its_catalog() {
    Cli.Run run = recommend("-a", "1", "-g", "F", "-j", "10", "--rated", "1:5, 31:4");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: --rated item 2, '31:4': unknown movie 31: the model's catalog has 30"
        + " movies with ids 1..30; movies.dat of the data it was trained on lists them (MovieID::Title::Genres)"
        + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rated_needs_one_user_to_describe() throws IOException {
    Cli.Run alone = recommend("--rated", "1:5");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).startsWith("movierec: --rated needs a user to describe: a new user's -a/--age,"
        + " -g/--gender and -j/--job (the model reads demographics as well as ratings), or --user ID to add the"
        + " ratings to a user the model knows" + System.lineSeparator());
    assertThat(recommend("--rated", "1:5", "-g", "F").err())
        .contains("a new user needs -a/--age, -g/--gender and -j/--job; missing: -a/--age, -j/--job");

    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n");
    Cli.Run withFile = recommend("--users-file", users.toString(), "--rated", "1:5");
    assertThat(withFile.exitCode()).isEqualTo(2);
    assertThat(withFile.err()).contains("--rated describes one user; give the ratings of the users of --users-file"
        + " in --ratings-file FILE (UserID::MovieID::Rating[::Timestamp])");

    Cli.Run ratingsAlone = recommend("--user", "1", "--ratings-file", users.toString());
    assertThat(ratingsAlone.exitCode()).isEqualTo(2);
    assertThat(ratingsAlone.err()).contains("--ratings-file gives the ratings of the users of --users-file FILE"
        + " (UserID::Gender::Age::Occupation::Zip-code); for one user, give their ratings with --rated LIST");
  }

  @Test
  void a_ratings_file_user_missing_from_the_users_file_is_an_error_naming_the_id() throws IOException {
    Path users = Files.writeString(tmp.resolve("users.dat"), "999::F::25::12::02139\n");
    Path ratings = Files.writeString(tmp.resolve("ratings.dat"), "999::1::5\n42::2::4\n");
    Cli.Run run = recommend("--users-file", users.toString(), "--ratings-file", ratings.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: " + ratings + " line 2, field 1 (user id): user 42 is not in " + users
        + "; every user of the ratings file needs a line there (UserID::Gender::Age::Occupation::Zip-code)"
        + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }
}
