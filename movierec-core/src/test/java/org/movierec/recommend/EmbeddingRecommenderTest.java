package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.ExactIndex;
import org.movierec.index.IndexedMovie;
import org.movierec.index.ItemFilter;
import org.movierec.index.VectorIndex;
import org.movierec.model.Architecture;
import org.movierec.model.Catalog;
import org.movierec.model.Objective;
import org.movierec.model.SavedModel;
import org.movierec.model.TestModels;
import org.movierec.model.TwoTowerModel;

class EmbeddingRecommenderTest {
  @TempDir Path dir;

  private final SavedModel saved = TestModels.savedModel(21);

  private EmbeddingRecommender recommender(VectorIndex index) {
    return new EmbeddingRecommender(saved.model(), saved.catalog(), saved.seen(), index);
  }

  /** Every catalog movie the user has not rated, by the model's predicted stars, best first. */
  private List<Integer> modelOrder(User user) {
    return saved.catalog().movies().values().stream()
        .filter(m -> user.isNew() || !saved.seen().has(user.id(), m.id()))
        .sorted(Comparator.comparing((Movie m) -> -((org.movierec.model.FusionModel) saved.model()).predict(user, m)).thenComparing(Movie::id))
        .map(Movie::id)
        .toList();
  }

  @Test
  void ranks_movies_in_the_models_order_of_predicted_ratings() {
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      for (User user : saved.catalog().users().values()) {
        List<Recommendation> recs = recommender(exact).recommend(RecommendRequest.of(user, 100));
        assertThat(recs).extracting(r -> r.movie().id()).containsExactlyElementsOf(modelOrder(user));
        for (Recommendation r : recs) {
          assertThat(r.predictedStars()).isCloseTo(((org.movierec.model.FusionModel) saved.model()).predict(user, r.movie()), within(1e-4f));
        }
        assertThat(recs).extracting(Recommendation::rank)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, recs.size()).boxed().toList());
      }
    }
  }

  @Test
  void the_lucene_index_gives_the_same_ranking_as_exact_search() {
    ModelIndex.build(dir, saved);
    try (VectorIndex lucene = ModelIndex.open(dir, saved); VectorIndex exact = ModelIndex.exact(saved)) {
      for (User user : saved.catalog().users().values()) {
        assertThat(recommender(lucene).recommend(RecommendRequest.of(user, 5)))
            .isEqualTo(recommender(exact).recommend(RecommendRequest.of(user, 5)));
      }
    }
  }

  @Test
  void excludes_movies_the_user_already_rated() {
    User user = saved.catalog().users().get(3);
    int[] rated = saved.seen().moviesOf(3);
    assertThat(rated).hasSize(3);
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      List<Recommendation> all = recommender(exact).recommend(RecommendRequest.of(user, 50));
      assertThat(all).hasSize(saved.catalog().movies().size() - rated.length);
      assertThat(all).extracting(r -> r.movie().id()).doesNotContainAnyElementsOf(
          IntStream.of(rated).boxed().toList());
    }
  }

  @Test
  void never_recommends_a_movie_of_the_profiles_ratings_to_a_new_user() {
    User fresh = User.newUser(Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT);
    UserProfile profile = new UserProfile(fresh, List.of(new RatedMovie(1, 5), new RatedMovie(260, 2),
        new RatedMovie(17, 4)));
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      List<Recommendation> recs = recommender(exact).recommend(RecommendRequest.of(profile, 50));
      // the demo model ignores the ratings: the same order as for the bare user, without movies 1, 17 and 260
      assertThat(recs).extracting(r -> r.movie().id()).containsExactlyElementsOf(
          modelOrder(fresh).stream().filter(id -> id != 1 && id != 17 && id != 260).toList());
    }
  }

  @Test
  void excludes_both_a_known_users_saved_movies_and_the_profiles() {
    User user = saved.catalog().users().get(3);
    List<Integer> seen = IntStream.of(saved.seen().moviesOf(3)).boxed().toList();
    List<Integer> unseen = saved.catalog().movies().keySet().stream().filter(id -> !seen.contains(id)).toList();
    int extra = unseen.get(0);
    int filtered = unseen.get(unseen.size() - 1);
    UserProfile profile = new UserProfile(user, List.of(new RatedMovie(extra, 3), new RatedMovie(seen.get(0), 1)));
    ItemFilter excludeAnother = ItemFilter.excluding(List.of(filtered));
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      List<Recommendation> recs = recommender(exact).recommend(new RecommendRequest(profile, 50, excludeAnother));
      List<Integer> expected = modelOrder(user).stream().filter(id -> id != extra && id != filtered).toList();
      assertThat(recs).extracting(r -> r.movie().id()).containsExactlyElementsOf(expected);
      assertThat(expected).hasSize(12 - 3 - 2);
    }
  }

  @Test
  void works_on_any_two_tower_model_with_its_query_vector_and_its_predicted_stars() {
    TwoTowerModel model = new RatedGenres();
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    for (Movie m : List.of(Movie.of(1, "Comedy One (1990)", Set.of(Genre.COMEDY)),
        Movie.of(2, "Comedy Two (1991)", Set.of(Genre.COMEDY)), Movie.of(3, "Drama Three (1992)", Set.of(Genre.DRAMA)),
        Movie.of(4, "Drama Four (1993)", Set.of(Genre.DRAMA)))) {
      movies.put(m.id(), m);
    }
    Catalog catalog = new Catalog(movies, Map.of());
    List<IndexedMovie> vectors = movies.values().stream()
        .map(m -> new IndexedMovie(m.id(), model.indexVector(m), m.genres(), m.year())).toList();
    UserProfile profile = new UserProfile(User.newUser(Gender.M, AgeGroup.FROM_25_TO_34, Occupation.WRITER),
        List.of(new RatedMovie(1, 5), new RatedMovie(3, 2)));
    try (VectorIndex exact = ExactIndex.of(vectors, "rated-genres")) {
      List<Recommendation> recs = new EmbeddingRecommender(model, catalog, SeenMovies.of(new Ratings.Builder(0).build()),
          exact).recommend(RecommendRequest.of(profile, 10));
      // query (2, -3): movie 2 scores 2 * 2 = 4, movie 4 scores -3 * 4 = -12; movies 1 and 3 were rated
      assertThat(recs).extracting(r -> r.movie().id()).containsExactly(2, 4);
      assertThat(recs).extracting(Recommendation::score).containsExactly(4f, -12f);
      assertThat(recs).extracting(Recommendation::predictedStars).containsExactly(3f, 5f);
    }
  }

  /**
   * A hand-made two-tower model: a comedy's index vector is (id, 0), a drama's (0, id); the query is the sum of each
   * rated movie's index vector times (stars - 3); the predicted stars are 1 + the movie id, nothing to do with the
   * score.
   */
  private static final class RatedGenres implements TwoTowerModel {
    @Override
    public Architecture architecture() {
      return Architecture.HISTORY;
    }

    @Override
    public Objective objective() {
      return Objective.MSE;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] queryVector(UserProfile profile) {
      float[] q = new float[2];
      for (RatedMovie r : profile.ratings()) {
        float[] v = indexVector(Movie.of(r.movieId(), "?", Set.of(r.movieId() <= 2 ? Genre.COMEDY : Genre.DRAMA)));
        q[0] += (r.stars() - 3) * v[0];
        q[1] += (r.stars() - 3) * v[1];
      }
      return q;
    }

    @Override
    public float[] indexVector(Movie movie) {
      return movie.genres().contains(Genre.COMEDY) ? new float[] {movie.id(), 0} : new float[] {0, movie.id()};
    }

    @Override
    public float[] movieVector(Movie movie) {
      return indexVector(movie);
    }

    @Override
    public boolean predictsStars() {
      return true;
    }

    @Override
    public void predictStars(UserProfile profile, Movie[] movies, float[] out) {
      for (int i = 0; i < movies.length; i++) {
        out[i] = 1 + movies[i].id();
      }
    }
  }

  @Test
  void a_new_user_may_get_any_movie() {
    User fresh = User.newUser(Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT);
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      assertThat(recommender(exact).recommend(RecommendRequest.of(fresh, 50)))
          .hasSize(saved.catalog().movies().size());
    }
  }

  @Test
  void filters_apply_on_top_of_the_rated_movies() {
    User user = saved.catalog().users().get(1);
    ItemFilter romances = ItemFilter.NONE.withGenres(Set.of(Genre.ROMANCE));
    try (VectorIndex exact = ModelIndex.exact(saved)) {
      List<Recommendation> recs = recommender(exact).recommend(new RecommendRequest(user, 50, romances));
      assertThat(recs).isNotEmpty().allMatch(r -> r.movie().genres().contains(Genre.ROMANCE));
      assertThat(recs).noneMatch(r -> saved.seen().has(1, r.movie().id()));
    }
  }

  @Test
  void an_index_of_another_model_is_refused() {
    ModelIndex.build(dir, TestModels.savedModel(99));
    assertThatThrownBy(() -> ModelIndex.open(dir, saved)).hasMessageContaining("movierec index");
  }

  @Test
  void a_missing_index_says_how_to_build_it() {
    assertThatThrownBy(() -> ModelIndex.open(dir, saved))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no vector index in")
        .hasMessageContaining("movierec index --model " + dir);
  }

  @Test
  void bad_requests_are_refused() {
    User user = saved.catalog().users().get(1);
    assertThatThrownBy(() -> RecommendRequest.of(user, 0)).hasMessage("k must be at least 1, got: 0");
  }
}
