package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract on indexes whose graph works on the vectors' leading directions ({@link HnswParams#graphDimension()}):
 * 56 of the 64 dimensions of the seeded random catalogs of the recall tests, whose variance is spread evenly over all
 * 64 (the worst case for a projection: the 8 dropped directions hold an eighth of every inner product); smaller
 * catalogs are not projected. Searched through the graph, never scanned.
 */
class LuceneIndexProjectedTest extends LuceneContractTest {
  @Override
  protected HnswParams hnsw() {
    return HnswParams.defaults().withGraphDimension(56);
  }

  @Override
  protected long scanMaxValues() {
    return 0;
  }

  /** The bar for approximate indexes (measured: 0.977 unfiltered, 0.991 filtered). */
  @Override
  protected double minimumRecallAt10() {
    return 0.95;
  }

  @Test
  void stores_the_projection_beside_the_graph_and_refuses_it_damaged() throws IOException {
    List<IndexedMovie> movies = TestMovies.random(3, 300, 64);
    Path dir = tempDir.resolve("projected");
    LuceneIndex.write(dir, movies, "fp", hnsw());
    try (LuceneIndex index = LuceneIndex.open(dir, "fp", 0)) {
      IndexedMovie movie = movies.get(42);
      Neighbor best = index.search(new VectorQuery(movie.vector(), 1, ItemFilter.NONE)).getFirst();
      assertThat(best.movieId()).isEqualTo(movie.movieId());
      assertThat(best.score()).isEqualTo(InnerProduct.of(movie.vector(), movie.vector())); // the full vector's score
    }
    Path file = dir.resolve(GraphProjection.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    assertThatThrownBy(() -> LuceneIndex.open(dir, "fp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot use the vector index at " + dir.toAbsolutePath().normalize())
        .hasMessageContaining("Lucene files are damaged or incomplete")
        .hasMessageContaining("rebuild it with: movierec index --model DIR");
  }
}
