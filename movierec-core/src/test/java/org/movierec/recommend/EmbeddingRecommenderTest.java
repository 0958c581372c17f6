package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;
import org.movierec.model.TestModels;

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
