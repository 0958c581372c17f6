package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
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
import org.movierec.data.User;
import org.movierec.data.Vocabulary;

class FusionModelTest {

  /** Width 1 everywhere but the towers (2), so every step can be computed by hand. */
  private static final ModelShape TINY = new ModelShape(3, 3, 4, 2, 1, 1, 1, 1, 3, 1, 2);

  private static final FusionFeatures TINY_FEATURES = new FusionFeatures(IdIndex.of(new int[] {7, 9}),
      IdIndex.of(new int[] {100, 200}), Vocabulary.of(List.of("alpha", "beta")), 2);

  /** Weights where each layer is easy to follow: embeddings hold their row number / 10, FCs scale by 2, add 0.1. */
  private static FusionModel tinyModel() {
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, int[]> e : FusionWeights.layout(TINY).entrySet()) {
      int[] s = e.getValue();
      int n = 1;
      for (int d : s) {
        n *= d;
      }
      float[] data = new float[n];
      String name = e.getKey();
      if (name.endsWith(".emb")) {
        for (int i = 0; i < n; i++) {
          data[i] = i / 10f;
        }
      } else if (name.endsWith(".b")) {
        java.util.Arrays.fill(data, 0.1f);
      } else {
        java.util.Arrays.fill(data, name.startsWith("movie.fc") ? -0.5f : 2f);
        if (name.equals("user.fc.w") || name.equals("movie.fc.w")) {
          // second output column negated so that the two tower outputs differ
          for (int i = 1; i < n; i += 2) {
            data[i] = -data[i];
          }
        }
      }
      tensors.add(new Tensor(name, s, data));
    }
    return new FusionModel(TINY, TINY_FEATURES, FusionWeights.of(TINY, tensors));
  }

  @Test
  void user_vector_follows_the_tower_by_hand() {
    User u = new User(9, Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER, "");
    // id row of user 9 is 2 -> 0.2 -> fc 2*0.2+0.1 = 0.5; gender F row 1 -> 0.1 -> 0.3; age row 2 -> 0.5; job row 12
    // -> 1.2 -> 2.5; concat [0.5, 0.3, 0.5, 2.5] sums to 3.8; fc col 0: 2*3.8 + 0.1 = 7.7, col 1: -7.6 + 0.1 = -7.5
    float[] v = tinyModel().userVector(u);
    assertThat(v[0]).isCloseTo((float) Math.tanh(7.7), within(1e-6f));
    assertThat(v[1]).isCloseTo((float) Math.tanh(-7.5), within(1e-6f));
  }

  @Test
  void a_new_user_reads_the_unknown_id_row() {
    User known = new User(7, Gender.M, AgeGroup.UNDER_18, Occupation.OTHER, "");
    User stranger = new User(12345, Gender.M, AgeGroup.UNDER_18, Occupation.OTHER, "");
    User fresh = User.newUser(Gender.M, AgeGroup.UNDER_18, Occupation.OTHER);
    FusionModel m = tinyModel();
    assertThat(m.userVector(stranger)).containsExactly(m.userVector(fresh));
    assertThat(m.userVector(known)).isNotEqualTo(m.userVector(fresh));
    // unknown row 0 holds 0.0: concat [0.1, 0.1, 0.1, 0.1] -> fc 0.9 / -0.7
    assertThat(m.userVector(fresh)[0]).isCloseTo((float) Math.tanh(0.9), within(1e-6f));
  }

  @Test
  void movie_vector_follows_the_tower_by_hand() {
    Movie movie = Movie.of(200, "Beta Alpha (1999)", Set.of(Genre.ADVENTURE, Genre.COMEDY));
    // id row 2 -> 0.2 -> 0.5. genres: rows 1 and 4 -> 0.1 + 0.4 = 0.5.
    // title: words [beta, alpha] -> indexes [3, 2] -> embeddings 0.3, 0.2; padding 0.0.
    // conv window (prev, cur, next), weights all 2, bias 0.1: t0: 2*(0 + .3 + .2) + .1 = 1.1; t1: 2*(.3 + .2 + 0) + .1
    // = 1.1; max of tanh = tanh(1.1). concat [0.5, 0.5, tanh(1.1)]; fc weights -0.5 / +0.5, bias 0.1.
    double s = 0.5 + 0.5 + Math.tanh(1.1);
    float[] v = tinyModel().movieVector(movie);
    assertThat(v[0]).isCloseTo((float) Math.tanh(-0.5 * s + 0.1), within(1e-6f));
    assertThat(v[1]).isCloseTo((float) Math.tanh(0.5 * s + 0.1), within(1e-6f));
  }

  @Test
  void title_pooling_ignores_padding_positions() {
    // Only the previous word counts (conv weights [5, 0, 0]). "Alpha" has one word: at position 0 the previous word is
    // padding (0.0) -> tanh(0.1). Position 1 is padding itself; were it pooled, its previous word alpha (0.2) would give
    // the larger tanh(1.1).
    List<Tensor> tensors = new ArrayList<>(tinyModel().weights().all());
    tensors.replaceAll(t -> t.name().equals("movie.title.conv.w")
        ? new Tensor(t.name(), t.shape(), new float[] {5f, 0f, 0f}) : t);
    FusionModel m = new FusionModel(TINY, TINY_FEATURES, FusionWeights.of(TINY, tensors));
    Movie oneWord = Movie.of(100, "Alpha (1990)", Set.of(Genre.DRAMA));
    assertThat(TINY_FEATURES.titleIndices(oneWord)).containsExactly(2, 0);
    assertThat(TINY_FEATURES.titleWordCount(oneWord)).isEqualTo(1);
    // id row 1 -> 0.1 -> 2 * 0.1 + 0.1 = 0.3; drama is genre row 7 -> 0.7
    double s = 0.3 + 0.7 + Math.tanh(0.1);
    assertThat(m.movieVector(oneWord)[1]).isCloseTo((float) Math.tanh(0.5 * s + 0.1), within(1e-6f));
  }

  @Test
  void predicted_stars_span_one_to_five_with_the_cosine() {
    assertThat(FusionModel.toStars(-1f)).isEqualTo(1f);
    assertThat(FusionModel.toStars(0f)).isEqualTo(3f);
    assertThat(FusionModel.toStars(1f)).isEqualTo(5f);
    FusionModel m = TestModels.randomModel(3);
    User u = TestModels.users().get(1);
    Movie mv = TestModels.movies().get(260);
    assertThat(m.predict(u, mv)).isCloseTo(3f + 2f * Vectors.cosine(m.userVector(u), m.movieVector(mv)),
        within(1e-6f));
  }

  @Test
  void towers_output_the_configured_width() {
    FusionModel m = TestModels.randomModel(5);
    assertThat(m.shape().towerDim()).isEqualTo(200);
    assertThat(m.userVector(TestModels.users().get(2))).hasSize(200);
    assertThat(m.movieVector(TestModels.movies().get(1))).hasSize(200);
  }

  @Test
  void weights_that_do_not_fit_the_shape_are_refused_with_the_reason() {
    List<Tensor> tensors = new ArrayList<>(tinyModel().weights().all());
    tensors.removeIf(t -> t.name().equals("movie.fc.b"));
    tensors.add(new Tensor("movie.fc.b", new int[] {3}, new float[3]));
    assertThatThrownBy(() -> FusionWeights.of(TINY, tensors))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie.fc.b has shape [3], expected [2]");
  }
}
