package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.ExactIndex;
import org.movierec.index.ItemFilter;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.model.Vectors;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.ModelIndex;
import org.movierec.recommend.RecommendRequest;
import org.movierec.recommend.Recommendation;
import org.movierec.server.ServerFixture.Response;

/**
 * Every endpoint called over HTTP as a client would, its JSON read and compared with the same answer computed here
 * from the model files (exact search over the model's vectors): the tiny trained model (30 movies, 20 users).
 * The tests run in order: they add users, ratings and a movie, and the later ones read them back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerApiTest {
  @TempDir static Path dir;
  static ServerFixture server;
  static SavedModel saved;

  @BeforeAll
  static void start() throws Exception {
    server = ServerFixture.start(dir);
    saved = ModelFiles.load(server.model);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** What the API must answer, computed independently: exact search over every movie's index vector. */
  static List<Recommendation> expected(UserProfile profile, int k, ItemFilter filter, List<Movie> added) {
    var vectors = new ArrayList<>(ModelIndex.movieVectors(saved));
    var catalog = new java.util.LinkedHashMap<>(saved.catalog().movies());
    for (Movie m : added) {
      vectors.add(new org.movierec.index.IndexedMovie(m.id(), saved.model().indexVector(m), m.genres(), m.year()));
      catalog.put(m.id(), m);
    }
    try (ExactIndex exact = ExactIndex.of(vectors, saved.fingerprint())) {
      var recommender = new EmbeddingRecommender(saved.model(),
          new org.movierec.model.Catalog(catalog, saved.catalog().users()), saved.seen(), exact);
      return recommender.recommend(new RecommendRequest(profile, k, filter));
    }
  }

  static void assertSameRecommendations(JsonNode answer, List<Recommendation> expected) {
    JsonNode recs = answer.get("recommendations");
    assertThat(recs).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode r = recs.get(i);
      Recommendation e = expected.get(i);
      assertThat(r.get("rank").asInt()).isEqualTo(i + 1);
      assertThat(r.get("movie").get("movieId").asInt()).as("rank %d", i + 1).isEqualTo(e.movie().id());
      assertThat(r.get("movie").get("title").asText()).isEqualTo(e.movie().title());
      assertThat((float) r.get("score").asDouble()).isCloseTo(e.score(), within(1e-5f));
      assertThat((float) r.get("predictedStars").asDouble()).isCloseTo(e.predictedStars(), within(1e-5f));
    }
  }

  static List<Integer> movieIds(JsonNode answer) {
    return StreamSupport.stream(answer.get("recommendations").spliterator(), false)
        .map(r -> r.get("movie").get("movieId").asInt()).toList();
  }

  @Test
  @Order(1)
  void health_says_ready_with_the_model() {
    Response r = server.get("/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ready");
    assertThat(r.json().get("model").asText()).isEqualTo(saved.fingerprint());
    assertThat(r.json().get("movies").asInt()).isEqualTo(30);
    assertThat(r.json().get("users").asInt()).isEqualTo(20);
  }

  @Test
  @Order(2)
  void a_new_user_from_demographics_gets_the_models_top_movies() {
    Response r = server.get("/api/recommendations?age=25&gender=F&job=programmer&k=5");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    User u = User.newUser(Gender.F, AgeGroup.ofYears(25), Occupation.PROGRAMMER);
    assertSameRecommendations(r.json(), expected(UserProfile.of(u), 5, ItemFilter.NONE, List.of()));
    assertThat(r.json().get("user").get("age").asText()).isEqualTo("25-34");
    assertThat(r.json().get("user").has("userId")).isFalse();
    assertThat(r.json().get("model").asText()).isEqualTo(saved.fingerprint());
    // The readable values and the codes are one user.
    Response same = server.get("/api/recommendations?age=2&gender=female&job=12&k=5");
    assertThat(movieIds(same.json())).isEqualTo(movieIds(r.json()));
  }

  @Test
  @Order(3)
  void filters_keep_only_the_genre_and_years_asked() {
    Response r = server.get("/api/recommendations?age=25&gender=F&job=programmer&k=30&genre=Drama&years=1990-1995");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    User u = User.newUser(Gender.F, AgeGroup.ofYears(25), Occupation.PROGRAMMER);
    List<Recommendation> expected = expected(UserProfile.of(u), 30,
        ItemFilter.NONE.withGenres(Set.of(Genre.DRAMA)).withYears(1990, 1995), List.of());
    assertThat(expected).isNotEmpty().allMatch(e -> e.movie().genres().contains(Genre.DRAMA)
        && e.movie().year() >= 1990 && e.movie().year() <= 1995);
    assertSameRecommendations(r.json(), expected);
  }

  @Test
  @Order(4)
  void a_user_described_by_ratings_gets_recommendations_without_the_rated_movies() {
    Response r = server.post("/api/recommendations",
        "{\"age\": \"18-24\", \"gender\": \"M\", \"job\": \"writer\", \"ratings\": [{\"movieId\": 11, \"stars\": 5},"
            + " {\"movieId\": 12, \"stars\": 4}, {\"movieId\": 1, \"stars\": 1}], \"k\": 8}");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    UserProfile profile = new UserProfile(User.newUser(Gender.M, AgeGroup.parse("18-24"), Occupation.WRITER),
        List.of(new RatedMovie(11, 5), new RatedMovie(12, 4), new RatedMovie(1, 1)));
    assertSameRecommendations(r.json(), expected(profile, 8, ItemFilter.NONE, List.of()));
    assertThat(movieIds(r.json())).doesNotContain(11, 12, 1);
    assertThat(r.json().get("user").get("ratings").asInt()).isEqualTo(3);
  }

  @Test
  @Order(5)
  void because_names_the_two_liked_movies_closest_by_movie_vector_cosine() {
    Response r = server.post("/api/recommendations",
        "{\"ratings\": [{\"movieId\": 11, \"stars\": 5}, {\"movieId\": 21, \"stars\": 4},"
            + " {\"movieId\": 2, \"stars\": 5}, {\"movieId\": 3, \"stars\": 2}], \"k\": 5}");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    for (JsonNode rec : r.json().get("recommendations")) {
      int movie = rec.get("movie").get("movieId").asInt();
      float[] v = Vectors.normalize(saved.model().movieVector(saved.catalog().movie(movie)));
      // Liked: 4 stars or more (movie 3, 2 stars, is not); closest first, only positive cosines.
      List<int[]> liked = new ArrayList<>();
      for (int id : new int[] {11, 21, 2}) {
        float cos = Vectors.dot(v, Vectors.normalize(saved.model().movieVector(saved.catalog().movie(id))));
        liked.add(new int[] {id, Float.floatToIntBits(cos)});
      }
      List<int[]> expected = liked.stream().filter(p -> Float.intBitsToFloat(p[1]) > 0)
          .sorted(Comparator.comparingDouble(p -> -Float.intBitsToFloat(p[1]))).limit(2).toList();
      JsonNode because = rec.get("because");
      assertThat(because).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(because.get(i).get("movieId").asInt()).isEqualTo(expected.get(i)[0]);
        assertThat((float) because.get(i).get("similarity").asDouble())
            .isCloseTo(Float.intBitsToFloat(expected.get(i)[1]), within(1e-5f));
      }
    }
  }

  @Test
  @Order(10)
  void users_added_get_ids_after_the_datas_and_their_ratings_change_their_recommendations() {
    Response created = server.post("/api/users", "{\"age\": 25, \"gender\": \"F\", \"job\": \"programmer\"}");
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().get("userId").asInt()).isEqualTo(21);
    assertThat(created.json().get("source").asText()).isEqualTo("api");
    Response before = server.get("/api/users/21/recommendations?k=5");
    assertThat(before.status()).as("%s", before).isEqualTo(200);
    User u = User.newUser(Gender.F, AgeGroup.ofYears(25), Occupation.PROGRAMMER);
    assertSameRecommendations(before.json(), expected(UserProfile.of(u), 5, ItemFilter.NONE, List.of()));

    int first = movieIds(before.json()).get(0);
    Response stored = server.post("/api/users/21/ratings",
        "[{\"movieId\": " + first + ", \"stars\": 1}, {\"movieId\": 25, \"stars\": 5}]");
    assertThat(stored.status()).as("%s", stored).isEqualTo(201);
    assertThat(stored.json().get("stored").asInt()).isEqualTo(2);
    assertThat(stored.json().get("ratings").asInt()).isEqualTo(2);

    Response after = server.get("/api/users/21/recommendations?k=5");
    UserProfile rated = new UserProfile(u, List.of(new RatedMovie(first, 1), new RatedMovie(25, 5)));
    assertSameRecommendations(after.json(), expected(rated, 5, ItemFilter.NONE, List.of()));
    assertThat(movieIds(after.json())).doesNotContain(first, 25);
    assertThat(after.json().get("user").get("userId").asInt()).isEqualTo(21);
  }

  @Test
  @Order(11)
  void a_known_user_keeps_the_datas_ratings_and_the_new_ones() {
    List<RatedMovie> data = saved.seen().ratingsOf(1);
    int unrated = saved.catalog().movies().keySet().stream().filter(id -> !saved.seen().has(1, id)).findFirst()
        .orElseThrow();
    Response stored = server.post("/api/users/1/ratings", "[{\"movieId\": " + unrated + ", \"stars\": 4}]");
    assertThat(stored.status()).as("%s", stored).isEqualTo(201);
    assertThat(stored.json().get("ratings").asInt()).isEqualTo(data.size() + 1);

    Response user = server.get("/api/users/1");
    assertThat(user.status()).isEqualTo(200);
    JsonNode ratings = user.json().get("ratings");
    assertThat(ratings).hasSize(data.size() + 1);
    assertThat(ratings.get(data.size()).get("movieId").asInt()).isEqualTo(unrated);
    assertThat(ratings.get(data.size()).get("source").asText()).isEqualTo("api");
    assertThat(ratings.get(data.size()).get("ratedAt").asLong()).isPositive();
    assertThat(ratings.get(0).get("source").asText()).isEqualTo("data");
    assertThat(user.json().get("source").asText()).isEqualTo("data");

    Response recs = server.get("/api/users/1/recommendations?k=30");
    UserProfile profile = saved.profile(saved.catalog().users().get(1)).withRatings(List.of(new RatedMovie(unrated, 4)));
    assertSameRecommendations(recs.json(), expected(profile, 30, ItemFilter.NONE, List.of()));
    assertThat(movieIds(recs.json())).hasSize(30 - data.size() - 1).doesNotContain(unrated);
  }

  @Test
  @Order(12)
  void predictions_are_the_models_stars_for_each_pair() {
    Response r = server.post("/api/predictions", "[{\"userId\": 1, \"movieId\": 5}, {\"userId\": 21, \"movieId\": 7},"
        + " {\"userId\": 1, \"movieId\": 9}]");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode p = r.json().get("predictions");
    assertThat(p).hasSize(3);
    float[] user1 = new float[2];
    int unrated = saved.catalog().movies().keySet().stream().filter(id -> !saved.seen().has(1, id)).findFirst()
        .orElseThrow();
    saved.model().predictStars(saved.profile(saved.catalog().users().get(1)).withRatings(
        List.of(new RatedMovie(unrated, 4))), new Movie[] {saved.catalog().movie(5), saved.catalog().movie(9)}, user1);
    assertThat((float) p.get(0).get("predictedStars").asDouble()).isCloseTo(user1[0], within(1e-5f));
    assertThat((float) p.get(2).get("predictedStars").asDouble()).isCloseTo(user1[1], within(1e-5f));
    assertThat(p.get(1).get("userId").asInt()).isEqualTo(21);
    assertThat(p.get(1).get("predictedStars").asDouble()).isBetween(1.0, 5.0);
  }

  @Test
  @Order(13)
  void movies_are_found_by_id_title_words_and_similarity() {
    Response one = server.get("/api/movies/1");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("title").asText()).isEqualTo(saved.catalog().movie(1).title());
    assertThat(one.json().get("ratings").asInt()).isEqualTo(
        (int) saved.catalog().users().keySet().stream().filter(u -> saved.seen().has(u, 1)).count());

    Response found = server.get("/api/movies?q=laugh%20HARB");
    assertThat(found.json().get("movies")).hasSize(1);
    assertThat(found.json().get("movies").get(0).get("title").asText()).isEqualTo("Laughing Harbor (1991)");
    assertThat(server.get("/api/movies?q=the&limit=2").json().get("movies")).hasSize(2);

    Response similar = server.get("/api/movies/1/similar?k=4");
    assertThat(similar.status()).isEqualTo(200);
    float[] v = Vectors.normalize(saved.model().movieVector(saved.catalog().movie(1)));
    List<Integer> expected = saved.catalog().movies().values().stream().filter(m -> m.id() != 1)
        .sorted(Comparator.<Movie>comparingDouble(
            m -> -Vectors.dot(v, Vectors.normalize(saved.model().movieVector(m)))).thenComparingInt(Movie::id))
        .limit(4).map(Movie::id).toList();
    assertThat(StreamSupport.stream(similar.json().get("similar").spliterator(), false)
        .map(s -> s.get("movie").get("movieId").asInt()).toList()).isEqualTo(expected);
  }

  @Test
  @Order(14)
  void popular_movies_of_a_segment_come_most_liked_first() {
    Response r = server.get("/api/movies/popular?age=25&gender=F&job=programmer&limit=5");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().get("movies")).hasSize(5);
  }

  @Test
  @Order(20)
  void a_movie_added_gets_a_vector_from_its_content_and_is_recommended_at_once() {
    // Asked before the movie exists (an answer the server keeps for this new user), then after.
    assertThat(movieIds(server.get("/api/recommendations?age=0&gender=M&job=10&k=31").json())).hasSize(30)
        .doesNotContain(31);
    Response added = server.post("/api/movies", "{\"title\": \"Laughing Harbor Returns (2001)\","
        + " \"genres\": [\"Comedy\"]}");
    assertThat(added.status()).as("%s", added).isEqualTo(201);
    assertThat(added.json().get("movieId").asInt()).isEqualTo(31);
    assertThat(added.json().get("year").asInt()).isEqualTo(2001);
    assertThat(server.get("/api/movies/31").json().get("title").asText()).isEqualTo("Laughing Harbor Returns (2001)");

    Movie movie = Movie.of(31, "Laughing Harbor Returns (2001)", Set.of(Genre.COMEDY));
    User u = User.newUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT);
    Response r = server.get("/api/recommendations?age=0&gender=M&job=10&k=31");
    assertSameRecommendations(r.json(), expected(UserProfile.of(u), 31, ItemFilter.NONE, List.of(movie)));
    assertThat(movieIds(r.json())).contains(31);
  }

  @Test
  @Order(30)
  void metrics_count_requests_and_stored_feedback_in_the_prometheus_format() {
    Response r = server.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(r.body()).contains("movierec_feedback_ratings_stored_total 3.0")
        .contains("movierec_feedback_users_added_total 1.0")
        .contains("movierec_feedback_movies_added_total 1.0")
        .containsPattern("movierec_http_requests_seconds_count\\{method=\"GET\",route=\"/health\",status=\"200\"\\}"
            + " [1-9]");
  }

  @Test
  @Order(40)
  void everything_received_is_still_there_after_a_restart() {
    server.close();
    server = ServerFixture.start(dir, server.model, server.feedbackDb, null);
    Response user = server.get("/api/users/21");
    assertThat(user.status()).as("%s", user).isEqualTo(200);
    assertThat(user.json().get("ratings")).hasSize(2);
    assertThat(server.get("/api/movies/31").status()).isEqualTo(200);
    Response recs = server.get("/api/recommendations?age=0&gender=M&job=10&k=31");
    assertThat(movieIds(recs.json())).contains(31);
    assertThat(server.post("/api/users", "{\"age\": 30, \"gender\": \"M\", \"job\": 0}").json().get("userId").asInt())
        .isEqualTo(22);
  }
}
