package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.movierec.server.WebPage.RATE_LIST;
import static org.movierec.server.WebPage.RECOMMENDATIONS;
import static org.movierec.server.WebPage.SIMILAR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.WebPage.ShownMovie;

/**
 * The web page at {@code /} in a real browser (Debian's headless Chromium) against a server of the tiny trained
 * model: what a person does, and that the page shows exactly what the API answers, checked by asking the API over
 * HTTP the same question. Under {@code CI=true} a missing browser fails the test; elsewhere it is skipped.
 */
class WebPageIT {
  /** The page's segment when it opens: female, 25-34, programmer. */
  private static final String DEFAULT_SEGMENT = "/api/recommendations?age=2&gender=F&job=12&k=10";

  @TempDir
  static Path dir;
  private static ServerFixture server;
  private static WebBrowser browser;
  private WebPage page;

  /** Why the browser cannot run here (each test is then skipped, with this reason), or null. */
  private static String missing;

  @BeforeAll
  static void start() throws IOException {
    missing = WebBrowser.missing();
    if (missing != null && "true".equals(System.getenv("CI"))) {
      fail(".ci/run should have installed chromium chromium-driver before ./mvnw verify: " + missing);
    }
    if (missing == null) {
      server = ServerFixture.start(dir);
      browser = WebBrowser.start(1280, 900);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void open() {
    assumeThat(missing).as("the web page's test needs Chromium: %s", missing).isNull();
    page = new WebPage(browser.driver, server.base).open();
  }

  @Test
  void a_chosen_segment_shows_the_recommendations_and_popular_movies_the_api_gives_it() {
    page.choose("age", "4");
    page.choose("gender", "M");
    page.choose("job", "17");

    String recs = "/api/recommendations?age=4&gender=M&job=17&k=10";
    page.waitFor(RECOMMENDATIONS, recs);
    assertThat(page.shown(RECOMMENDATIONS)).hasSize(10).isEqualTo(expectedRecommendations(api(recs)));
    assertThat(page.text("recs-caption")).isEqualTo("For a new user: male, 45-49, technician/engineer.");
    String popular = "/api/movies/popular?age=4&gender=M&job=17&limit=12";
    page.waitFor(RATE_LIST, popular);
    assertThat(page.shown(RATE_LIST)).hasSize(12).isEqualTo(expectedMovies(api(popular).get("movies")));
  }

  @Test
  void rating_two_movies_makes_a_user_whose_recommendations_follow_and_leave_them_out() {
    page.choose("age", "1");
    page.choose("gender", "M");
    page.choose("job", "4");
    page.waitFor(RECOMMENDATIONS, "/api/recommendations?age=1&gender=M&job=4&k=10");
    List<Integer> before = page.shownIds(RECOMMENDATIONS);
    page.waitFor(RATE_LIST, "/api/movies/popular?age=1&gender=M&job=4&limit=12");

    // A recommended movie from the popular list, and another found by a word of its title.
    int first = page.shownIds(RATE_LIST).stream().filter(before::contains).findFirst()
        .orElseThrow(() -> new AssertionError("no popular movie among the recommendations " + before));
    page.rate(RATE_LIST, first, 5);
    int user = page.userId();
    int second = before.stream().filter(id -> id != first).reduce((a, b) -> b).orElseThrow();
    String word = longestWord(api("/api/movies/" + second).get("title").asText());
    page.type("search-input", word);
    page.click("search-button");
    page.waitFor(RATE_LIST, "/api/movies?q=" + word + "&limit=12");
    page.rate(RATE_LIST, second, 4);

    String mine = "/api/users/" + user + "/recommendations?k=10";
    page.waitForRecommendations(mine, 2);
    JsonNode answer = api(mine);
    List<ShownMovie> shown = page.shown(RECOMMENDATIONS);
    assertThat(shown).hasSize(10).isEqualTo(expectedRecommendations(answer));
    assertThat(shown).extracting(ShownMovie::movieId).doesNotContain(first, second).isNotEqualTo(before);
    assertThat(shown).as("'because' movies: the two liked ones").anySatisfy(m ->
        assertThat(m.becauseIds()).isNotEmpty().isSubsetOf(first, second));
    assertThat(page.text("recs-caption"))
        .startsWith("For user " + user + " (male, 18-24, college/grad student), 2 rated");

    JsonNode stored = api("/api/users/" + user).get("ratings");
    assertThat(stored).extracting(r -> r.get("movieId").asInt() + ":" + r.get("stars").asInt())
        .containsExactly(first + ":5", second + ":4");
    assertThat(page.text("user-line")).startsWith("You are user " + user + " (2 rated)");
    assertThat(page.text("ratings")).contains(api("/api/movies/" + first).get("title").asText());
    assertThat(page.ratedStars(RATE_LIST, second)).isEqualTo("4");
  }

  @Test
  void a_recommended_title_opens_its_similar_movies() {
    page.waitFor(RECOMMENDATIONS, DEFAULT_SEGMENT);
    int movie = page.shownIds(RECOMMENDATIONS).get(1);

    page.openTitle(RECOMMENDATIONS, movie);

    String similar = "/api/movies/" + movie + "/similar?k=10";
    page.waitFor(SIMILAR, similar);
    JsonNode answer = api(similar);
    List<ShownMovie> expected = new ArrayList<>();
    for (JsonNode s : answer.get("similar")) {
      ShownMovie m = expectedMovie(s.get("movie"));
      expected.add(new ShownMovie(m.movieId(), m.title(), m.year(), m.genres(), null,
          decimals(s.get("similarity"), 2), List.of(), List.of()));
    }
    assertThat(page.shown(SIMILAR)).hasSize(10).isEqualTo(expected);
    assertThat(page.shownIds(SIMILAR)).doesNotContain(movie);
    String title = answer.get("movie").get("title").asText();
    assertThat(page.text("similar-caption")).startsWith("Closest to " + title + ",");
  }

  @Test
  void genre_and_years_filters_show_only_movies_of_that_genre_and_those_years() {
    page.waitFor(RECOMMENDATIONS, DEFAULT_SEGMENT);
    assertThat(page.shown(RECOMMENDATIONS)).as("the unfiltered list has movies of other genres")
        .anySatisfy(m -> assertThat(m.genres()).doesNotContain("Drama"));

    page.choose("genre", "Drama");

    String drama = DEFAULT_SEGMENT + "&genre=Drama";
    page.waitFor(RECOMMENDATIONS, drama);
    List<ShownMovie> shown = page.shown(RECOMMENDATIONS);
    assertThat(shown).isNotEmpty().isEqualTo(expectedRecommendations(api(drama)));
    assertThat(shown).allSatisfy(m -> assertThat(m.genres()).contains("Drama"));

    page.type("years", "1990-1994");
    page.click("apply-filters");

    String years = drama + "&years=1990-1994";
    page.waitFor(RECOMMENDATIONS, years);
    shown = page.shown(RECOMMENDATIONS);
    assertThat(shown).isNotEmpty().isEqualTo(expectedRecommendations(api(years)));
    assertThat(shown).allSatisfy(m -> {
      assertThat(m.genres()).contains("Drama");
      assertThat(Integer.parseInt(m.year())).isBetween(1990, 1994);
    });
    assertThat(page.text("recs-caption")).endsWith("; only Drama, 1990-1994.");
  }

  @Test
  void a_known_user_id_brings_back_their_demographics_and_their_recommendations() {
    page.type("user-id-input", "1");
    page.click("load-user");

    String recs = "/api/users/1/recommendations?k=10";
    page.waitFor(RECOMMENDATIONS, recs);
    assertThat(page.shown(RECOMMENDATIONS)).isEqualTo(expectedRecommendations(api(recs)));
    assertThat(List.of(page.chosen("age"), page.chosen("gender"), page.chosen("job")))
        .as("user 1 of the data: under 18 (code 0), female, K-12 student (10)").containsExactly("0", "F", "10");
    assertThat(page.userId()).isEqualTo(1);
  }

  @Test
  void api_errors_show_their_message_and_the_valid_values() {
    page.type("user-id-input", "9999");
    page.click("load-user");

    JsonNode unknown = server.get("/api/users/9999").json();
    assertThat(unknown.get("status").asInt()).isEqualTo(404);
    assertThat(page.waitForError()).isEqualTo(unknown.get("message").asText());
    assertThat(page.byId("error-valid").isDisplayed()).as("a 404 names no valid values").isFalse();
    assertThat(page.byId("user-id-input").getDomAttribute("aria-invalid")).isEqualTo("true");

    page.click("error-close");
    assertThat(page.errorShown()).isFalse();
    page.type("years", "19x0");
    page.click("apply-filters");

    JsonNode badYears = server.get(DEFAULT_SEGMENT + "&years=19x0").json();
    assertThat(badYears.get("field").asText()).isEqualTo("years");
    assertThat(page.waitForError()).isEqualTo(badYears.get("message").asText());
    assertThat(page.errorValid()).isEqualTo("Valid: " + badYears.get("valid").asText());
    assertThat(page.byId("years").getDomAttribute("aria-invalid")).isEqualTo("true");
  }

  // ---- what the page should show for an answer of the API

  private static JsonNode api(String path) {
    ServerFixture.Response r = server.get(path);
    assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
    return r.json();
  }

  private static List<ShownMovie> expectedRecommendations(JsonNode answer) {
    List<ShownMovie> out = new ArrayList<>();
    for (JsonNode r : answer.get("recommendations")) {
      List<Integer> ids = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      for (JsonNode b : r.get("because")) {
        ids.add(b.get("movieId").asInt());
        titles.add(b.get("title").asText());
      }
      ShownMovie m = expectedMovie(r.get("movie"));
      String stars = decimals(r.get("predictedStars"), 1) + "\u2605";
      out.add(new ShownMovie(m.movieId(), m.title(), m.year(), m.genres(), stars, null, ids, titles));
    }
    return out;
  }

  private static List<ShownMovie> expectedMovies(JsonNode movies) {
    List<ShownMovie> out = new ArrayList<>();
    for (JsonNode m : movies) {
      out.add(expectedMovie(m));
    }
    return out;
  }

  /** A movie's title shown without its "(year)", the year apart. */
  private static ShownMovie expectedMovie(JsonNode movie) {
    String title = movie.get("title").asText();
    String year = movie.get("year").isNull() ? null : movie.get("year").asText();
    if (year != null && title.endsWith(" (" + year + ")")) {
      title = title.substring(0, title.length() - year.length() - 3);
    }
    List<String> genres = new ArrayList<>();
    movie.get("genres").forEach(g -> genres.add(g.asText()));
    return new ShownMovie(movie.get("movieId").asInt(), title, year, genres, null, null, List.of(), List.of());
  }

  /** The number as JavaScript's toFixed writes it: the exact binary value, rounded half up. */
  private static String decimals(JsonNode number, int places) {
    return new BigDecimal(number.asDouble()).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  private static String longestWord(String title) {
    return Arrays.stream(title.replaceAll("\\(\\d{4}\\)$", "").split("[^A-Za-z]+"))
        .max(Comparator.comparingInt(String::length)).orElseThrow();
  }
}
