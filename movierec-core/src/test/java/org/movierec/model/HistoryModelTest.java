package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.IdIndex;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.data.Vocabulary;
import org.movierec.index.ExactIndex;
import org.movierec.index.IndexedMovie;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;

class HistoryModelTest {
  /** Width 1 everywhere, so that every step can be computed by hand. */
  private static final HistoryShape TINY = new HistoryShape(3, 4, 2, 1, 1, 1, 1, 1, 1, 1, 0f, 1, 0.5f, 1f, 1f);

  private static final FusionFeatures FEATURES = new FusionFeatures(IdIndex.of(new int[] {7}),
      IdIndex.of(new int[] {100, 200}), Vocabulary.of(List.of("alpha", "beta")), 2);

  private static final Movie M100 = Movie.of(100, "Alpha (1990)", Set.of(Genre.COMEDY));
  private static final Movie M200 = Movie.of(200, "Beta (1991)", Set.of(Genre.DRAMA));
  private static final Movie UNSEEN = Movie.of(999, "Gamma (1992)", Set.of(Genre.DRAMA));

  private static final User MAN = User.newUser(Gender.M, AgeGroup.values()[2], Occupation.ofCode(4));

  /**
   * History embedding 0.2 x row, star embedding 1 (row 1) and -1 (row 2); gender embedding 0.1 for M; z = tanh(h +
   * gender); u = 2z + 0.5; movie vector v = 0.25 (content bias; genres and titles weigh 0) + id embedding (0.3, 1, -1
   * by row); ranking bias (0, 0.7, -0.2); stars: 3.5 + (0.5z + 0.1) + star bias (0, 0.3, -0.3) + z v.
   */
  private static HistoryModel tiny() {
    return tiny(TINY);
  }

  private static HistoryModel tiny(HistoryShape shape) {
    Map<String, float[]> values = new HashMap<>();
    values.put(HistoryWeights.HISTORY_EMB, new float[] {0f, 0.2f, 0.4f});
    values.put(HistoryWeights.HISTORY_STARS, new float[] {0f, 1f, -1f});
    float[] gender = {0.1f, -0.1f};
    values.put(HistoryWeights.GENDER_EMB, Gender.M.code() == 0 ? gender : new float[] {-0.1f, 0.1f});
    values.put(HistoryWeights.USER_HIDDEN + ".w", new float[] {1f, 0f, 0f, 1f, 0f, 0f}); // h, 2 stats, g, a, j
    values.put(HistoryWeights.USER_OUT + ".w", new float[] {2f});
    values.put(HistoryWeights.USER_OUT + ".b", new float[] {0.5f});
    values.put(HistoryWeights.USER_STARS + ".w", new float[] {1f});
    values.put(HistoryWeights.USER_STARS_BIAS + ".w", new float[] {0.5f});
    values.put(HistoryWeights.USER_STARS_BIAS + ".b", new float[] {0.1f});
    values.put(HistoryWeights.MOVIE_ID_EMB, new float[] {0.3f, 1f, -1f});
    values.put(HistoryWeights.MOVIE_CONTENT + ".b", new float[] {0.25f});
    values.put(HistoryWeights.MOVIE_BIAS, new float[] {0f, 0.7f, -0.2f});
    values.put(HistoryWeights.MOVIE_STARS_BIAS, new float[] {0f, 0.3f, -0.3f});
    values.put(HistoryWeights.GLOBAL_STARS, new float[] {3.5f});
    values.put(HistoryWeights.FOLD_IN_MU, new float[] {3f});
    values.put(HistoryWeights.FOLD_IN_BIAS, new float[] {0f, 0.5f, -0.2f});
    values.put(HistoryWeights.FOLD_IN_VECTORS, new float[] {0f, 2f, -1f});
    List<Tensor> tensors = new ArrayList<>();
    HistoryWeights.layout(shape).forEach((name, dims) -> {
      int n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
      tensors.add(new Tensor(name, dims, values.getOrDefault(name, new float[n])));
    });
    return new HistoryModel(shape, FEATURES, Weights.of(HistoryWeights.layout(shape), tensors));
  }

  private static UserProfile profile(RatedMovie... ratings) {
    return new UserProfile(MAN, List.of(ratings));
  }

  @Test
  void a_user_without_ratings_is_read_from_the_demographics_alone() {
    HistoryModel m = tiny();
    UserProfile none = profile();
    assertThat(m.pooledHistory(none)).containsExactly(0f);
    float z = (float) Math.tanh(0.1);
    assertThat(m.queryVector(none)).containsExactly(new float[] {2 * z + 0.5f, 1f}, within(1e-6f));
  }

  @Test
  void one_rating_pools_its_embedding_plus_its_star_embedding_weighted_by_the_centred_stars() {
    HistoryModel m = tiny();
    assertThat(m.pooledHistory(profile(new RatedMovie(100, 5)))).containsExactly(new float[] {0.2f + 1f}, within(1e-6f));
    assertThat(m.pooledHistory(profile(new RatedMovie(100, 3)))).containsExactly(new float[] {0.2f}, within(1e-6f));
    assertThat(m.pooledHistory(profile(new RatedMovie(100, 2)))).containsExactly(new float[] {0.2f - 0.5f},
        within(1e-6f));
    float z = (float) Math.tanh(1.2 + 0.1);
    assertThat(m.queryVector(profile(new RatedMovie(100, 5)))).containsExactly(new float[] {2 * z + 0.5f, 1f},
        within(1e-6f));
  }

  @Test
  void every_movie_rated_pools_the_sum_over_the_square_root_of_the_count() {
    HistoryModel m = tiny();
    UserProfile all = profile(new RatedMovie(100, 5), new RatedMovie(200, 1));
    // (0.2 + 1 x 1) + (0.4 + (-1) x (-1)) = 2.6, over sqrt(2)
    assertThat(m.pooledHistory(all)).containsExactly(new float[] {(float) (2.6 / Math.sqrt(2))}, within(1e-6f));
  }

  @Test
  void the_index_vector_folds_the_movie_bias_and_the_query_a_one_so_the_score_is_u_v_plus_b() {
    HistoryModel m = tiny();
    assertThat(m.indexVector(M100)).containsExactly(new float[] {1.25f, 0.7f}, within(1e-6f));
    assertThat(m.indexVector(M200)).containsExactly(new float[] {-0.75f, -0.2f}, within(1e-6f));
    assertThat(m.indexVector(UNSEEN)).containsExactly(new float[] {0.55f, 0f}, within(1e-6f)); // the unknown row
    UserProfile one = profile(new RatedMovie(100, 5));
    float u = 2 * (float) Math.tanh(1.3) + 0.5f;
    assertThat(m.score(one, M100)).isCloseTo(1.25f * u + 0.7f, within(1e-6f));
    assertThat(m.score(one, M200)).isCloseTo(-0.75f * u - 0.2f, within(1e-6f));
  }

  @Test
  void predicted_stars_come_from_the_star_head_and_are_clipped_to_one_to_five() {
    HistoryModel m = tiny();
    UserProfile one = profile(new RatedMovie(100, 5));
    float z = (float) Math.tanh(1.3);
    float[] out = new float[3];
    m.predictStars(one, new Movie[] {M100, M200, UNSEEN}, out);
    assertThat(3.5f + 0.5f * z + 0.1f + 0.3f + 1.25f * z).isGreaterThan(5f);
    assertThat(out[0]).isEqualTo(5f);
    assertThat(out[1]).isCloseTo(3.5f + 0.5f * z + 0.1f - 0.3f - 0.75f * z, within(1e-6f));
    assertThat(out[2]).isCloseTo(3.5f + 0.5f * z + 0.1f + 0.55f * z, within(1e-6f));
  }

  @Test
  void predicted_stars_blend_the_star_head_with_the_factorization_fitted_from_the_users_ratings() {
    HistoryModel m = tiny(new HistoryShape(3, 4, 2, 1, 1, 1, 1, 1, 1, 1, 0f, 1, 0.5f, 1f, 0.25f));
    UserProfile one = profile(new RatedMovie(100, 5));
    float z = (float) Math.tanh(1.3);
    float[] out = new float[2];
    m.predictStars(one, new Movie[] {M100, M200}, out);
    // fold-in (FoldInFactorsTest): user bias 0.15, vector 0.6; 3 + 0.5 + 0.15 + 1.2 and 3 - 0.2 + 0.15 - 0.6
    assertThat(out[0]).isCloseTo(0.25f * (3.5f + 0.5f * z + 0.1f + 0.3f + 1.25f * z) + 0.75f * 4.85f, within(1e-5f));
    assertThat(out[1]).isCloseTo(0.25f * (3.5f + 0.5f * z + 0.1f - 0.3f - 0.75f * z) + 0.75f * 2.35f,
        within(1e-5f));
    float[] none = new float[1];
    m.predictStars(profile(), new Movie[] {M200}, none); // no ratings: the factorization says mu + movie bias
    float z0 = (float) Math.tanh(0.1); // the gender embedding alone
    assertThat(none[0]).isCloseTo(0.25f * (3.5f + 0.5f * z0 + 0.1f - 0.3f - 0.75f * z0) + 0.75f * 2.8f,
        within(1e-5f));
  }

  @Test
  void a_rated_movie_the_model_never_saw_reads_the_unknown_row_and_still_counts() {
    HistoryModel m = tiny();
    UserProfile withUnseen = profile(new RatedMovie(100, 5), new RatedMovie(999, 5));
    // row 0's embeddings are 0: (0.2 + 1) / sqrt(2)
    assertThat(m.pooledHistory(withUnseen)).containsExactly(new float[] {(float) (1.2 / Math.sqrt(2))}, within(1e-6f));
  }

  @Test
  void exact_search_over_the_folded_vectors_ranks_in_the_order_of_u_v_plus_b_computed_from_the_towers() {
    HistoryModel m = TestModels.randomHistoryModel(8);
    List<Movie> movies = List.copyOf(TestModels.movies().values());
    List<IndexedMovie> indexed = movies.stream()
        .map(mv -> new IndexedMovie(mv.id(), m.indexVector(mv), mv.genres(), mv.year())).toList();
    ExactIndex index = ExactIndex.of(indexed, "test");
    for (User user : TestModels.users().values()) {
      UserProfile p = new UserProfile(user, List.of(new RatedMovie(1, 1 + user.id() % 5),
          new RatedMovie(260, 1 + (user.id() * 3) % 5)));
      float[] z = m.hidden(p);
      float[] u = Dense.fc(z, m.weights().get(HistoryWeights.USER_OUT + ".w"),
          m.weights().get(HistoryWeights.USER_OUT + ".b"));
      Map<Integer, Double> expected = new HashMap<>();
      for (Movie mv : movies) {
        int row = m.features().movieRow(mv);
        expected.put(mv.id(), (double) Vectors.dot(u, m.movieVector(mv))
            + m.weights().get(HistoryWeights.MOVIE_BIAS).data()[row]);
      }
      List<Integer> order = movies.stream().map(Movie::id)
          .sorted(Comparator.comparingDouble((Integer id) -> -expected.get(id)).thenComparing(id -> id)).toList();
      List<Neighbor> found = index.search(VectorQuery.of(m.queryVector(p), movies.size()));
      assertThat(found.stream().map(Neighbor::movieId).toList()).isEqualTo(order);
      for (Neighbor n : found) {
        assertThat((double) n.score()).isCloseTo(expected.get(n.movieId()), within(1e-5));
      }
    }
  }
}
