package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphProjectionTest {
  @TempDir Path tempDir;

  /** Second moments 9, 4, 1 along the axes (cross terms cancel): the directions are the axes, largest first. */
  private static final List<float[]> AXES = List.of(
      new float[] {3, 0, 0}, new float[] {-3, 0, 0}, new float[] {0, 2, 0}, new float[] {0, -2, 0},
      new float[] {0, 0, 1}, new float[] {0, 0, -1});

  @Test
  void keeps_the_directions_the_vectors_vary_along_most() {
    GraphProjection projection = GraphProjection.fit(AXES, 2);
    assertThat(projection.apply(new float[] {1, 2, 3})).containsExactly(1f, 2f);
    assertThat(projection.apply(new float[] {-5, 0, 7})).containsExactly(-5f, 0f);
    assertThat(GraphProjection.fit(AXES, 1).apply(new float[] {1, 2, 3})).containsExactly(1f);
  }

  @Test
  void keeps_every_inner_product_of_vectors_in_the_kept_directions() {
    // vectors in a 3-dimensional subspace of 8 dimensions; queries anywhere: (Pq).(Pv) = q.v exactly (up to rounding)
    Random random = new Random(11);
    float[][] span = new float[3][];
    for (int k = 0; k < 3; k++) {
      span[k] = TestMovies.unitVector(random, 8);
    }
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      float[] v = new float[8];
      for (int k = 0; k < 3; k++) {
        float c = (float) random.nextGaussian();
        for (int j = 0; j < 8; j++) {
          v[j] += c * span[k][j];
        }
      }
      vectors.add(v);
    }
    GraphProjection projection = GraphProjection.fit(vectors, 3);
    for (int i = 0; i < 20; i++) {
      float[] q = TestMovies.unitVector(random, 8);
      float[] v = vectors.get(i * 7);
      assertThat((double) InnerProduct.of(projection.apply(q), projection.apply(v)))
          .isCloseTo(InnerProduct.of(q, v), within(1e-4));
    }
  }

  @Test
  void as_many_directions_as_dimensions_is_a_rotation() {
    Random random = new Random(5);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      vectors.add(TestMovies.unitVector(random, 6));
    }
    GraphProjection rotation = GraphProjection.fit(vectors, 6);
    float[] a = TestMovies.unitVector(random, 6);
    float[] b = TestMovies.unitVector(random, 6);
    assertThat((double) InnerProduct.of(rotation.apply(a), rotation.apply(b)))
        .isCloseTo(InnerProduct.of(a, b), within(1e-5));
  }

  @Test
  void vectors_spanning_fewer_directions_than_asked_still_project() {
    // every vector along the first axis: one direction carries everything, the other two are some unit vectors
    // orthogonal to it, on which these vectors project to 0
    List<float[]> line = List.of(new float[] {2, 0, 0, 0}, new float[] {-1, 0, 0, 0}, new float[] {0.5f, 0, 0, 0});
    GraphProjection projection = GraphProjection.fit(line, 3);
    assertThat(projection.apply(new float[] {3, 0, 0, 0})).containsExactly(3f, 0f, 0f);
    float[] q = projection.apply(new float[] {1, 2, 3, 4});
    assertThat(q[0]).isEqualTo(1f);
    assertThat((double) InnerProduct.of(q, projection.apply(line.get(0)))).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void reads_back_what_it_wrote() throws IOException {
    GraphProjection written = GraphProjection.fit(AXES, 2);
    try (Directory directory = FSDirectory.open(tempDir)) {
      written.write(directory);
      GraphProjection read = GraphProjection.read(directory, 3, 2);
      assertThat(read.apply(new float[] {1, 2, 3})).containsExactly(1f, 2f);
    }
  }

  @Test
  void a_damaged_or_mismatched_file_is_refused() throws IOException {
    try (Directory directory = FSDirectory.open(tempDir)) {
      GraphProjection.fit(AXES, 2).write(directory);
      assertThatThrownBy(() -> GraphProjection.read(directory, 3, 1))
          .isInstanceOf(CorruptIndexException.class)
          .hasMessageContaining("the graph projection maps 3 to 2 dimensions but the manifest says 3 to 1");
    }
    Path file = tempDir.resolve(GraphProjection.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    try (Directory directory = FSDirectory.open(tempDir)) {
      assertThatThrownBy(() -> GraphProjection.read(directory, 3, 2)).isInstanceOf(CorruptIndexException.class);
    }
  }

  @Test
  void rejects_a_graph_dimension_outside_the_vectors() {
    assertThatThrownBy(() -> GraphProjection.fit(AXES, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("graph dimension must be in 1..3, got: 4");
    assertThatThrownBy(() -> GraphProjection.fit(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a projection needs at least one vector");
  }
}
