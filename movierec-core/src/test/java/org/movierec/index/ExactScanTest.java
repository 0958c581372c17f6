package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The two-pass scan against the plain definition: every accepted row scored by {@link InnerProduct#of}, sorted best
 * first. Equal lists, scores to the bit, on vectors made to defeat the float pass: scores closer together than its
 * error, exact ties, large and tiny magnitudes.
 */
class ExactScanTest {

  @Test
  void equalsTheDefinitionOnRandomVectors() {
    Random random = new Random(7);
    for (int dimension : new int[] {1, 3, 64, 257}) {
      float[] data = gaussian(random, 1000 * dimension, 1);
      checkAgainstDefinition(data, 1000, dimension, random, 40);
    }
  }

  @Test
  void equalsTheDefinitionWhenScoresDifferByLessThanTheFloatError() {
    // One base vector plus noise of a few ulps: the float pass cannot rank these rows, the exact pass must.
    Random random = new Random(11);
    int n = 500;
    int dimension = 257;
    float[] base = gaussian(random, dimension, 100);
    float[] data = new float[n * dimension];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < dimension; j++) {
        float x = base[j];
        data[r * dimension + j] = random.nextInt(3) == 0 ? Math.nextUp(x) : random.nextBoolean() ? x : Math.nextDown(x);
      }
    }
    checkAgainstDefinition(data, n, dimension, random, 40);
  }

  @Test
  void keepsExactTiesInIdOrder() {
    int dimension = 8;
    int n = 50;
    float[] data = new float[n * dimension];
    for (int r = 0; r < n; r++) {
      data[r * dimension] = r % 5 == 0 ? 2f : 1f; // ten rows tie at 2, forty at 1
    }
    ExactScan scan = new ExactScan(new FlatVectors(data, n, dimension));
    float[] q = new float[dimension];
    q[0] = 1;
    int[] ids = new int[n];
    for (int r = 0; r < n; r++) {
      ids[r] = 1000 - r; // descending, so that id order is not row order
    }
    List<Neighbor> top = scan.search(q, 12, row -> true, ids);
    assertThat(top).extracting(Neighbor::movieId)
        .containsExactly(955, 960, 965, 970, 975, 980, 985, 990, 995, 1000, 951, 952);
    assertThat(top).extracting(Neighbor::score).containsOnly(2f, 1f);
  }

  @Test
  void returnsEveryAcceptedRowWhenKExceedsThemAndNoneWhenNoneIsAccepted() {
    Random random = new Random(3);
    int n = 30;
    int dimension = 5;
    float[] data = gaussian(random, n * dimension, 1);
    ExactScan scan = new ExactScan(new FlatVectors(data, n, dimension));
    int[] ids = rowIds(n);
    float[] q = gaussian(random, dimension, 1);
    assertThat(scan.search(q, 100, row -> row % 3 == 0, ids)).hasSize(10)
        .isEqualTo(definition(data, n, dimension, q, 100, row -> row % 3 == 0, ids));
    assertThat(scan.search(q, 10, row -> false, ids)).isEmpty();
  }

  private static void checkAgainstDefinition(float[] data, int n, int dimension, Random random, int queries) {
    ExactScan scan = new ExactScan(new FlatVectors(data, n, dimension));
    int[] ids = rowIds(n);
    for (int t = 0; t < queries; t++) {
      float[] q = gaussian(random, dimension, t % 2 == 0 ? 1 : 1e-3f);
      int k = 1 + random.nextInt(30);
      int modulus = 1 + random.nextInt(4);
      IntPredicate accepts = row -> row % modulus != 1;
      assertThat(scan.search(q, k, accepts, ids))
          .as("query %d, k %d, dimension %d", t, k, dimension)
          .isEqualTo(definition(data, n, dimension, q, k, accepts, ids));
    }
  }

  private static List<Neighbor> definition(float[] data, int n, int dimension, float[] q, int k, IntPredicate accepts,
      int[] ids) {
    List<Neighbor> all = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (accepts.test(r)) {
        float[] v = new float[dimension];
        System.arraycopy(data, r * dimension, v, 0, dimension);
        all.add(new Neighbor(ids[r], InnerProduct.of(q, v)));
      }
    }
    all.sort(Neighbor.BEST_FIRST);
    return all.subList(0, Math.min(k, all.size()));
  }

  private static int[] rowIds(int n) {
    int[] ids = new int[n];
    for (int r = 0; r < n; r++) {
      ids[r] = 7 * r + 1;
    }
    return ids;
  }

  private static float[] gaussian(Random random, int count, float scale) {
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) random.nextGaussian() * scale;
    }
    return v;
  }
}
