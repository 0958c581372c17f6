package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * The contract on indexes built as large catalogs are: two threads each adding a slice of the movies into a segment
 * of its own, then the segments' graphs merged by two workers into one (searched through the graph, never scanned).
 */
class LuceneIndexParallelBuildTest extends LuceneContractTest {
  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    Path dir = tempDir.resolve("index-" + movies.size() + "-" + System.nanoTime());
    LuceneIndex.write(dir, movies, modelFingerprint, hnsw(), 2);
    return LuceneIndex.open(dir, modelFingerprint, scanMaxValues());
  }

  @Override
  protected long scanMaxValues() {
    return 0;
  }

  @Test
  void the_slices_end_in_one_segment_holding_every_movie() throws IOException {
    List<IndexedMovie> movies = TestMovies.random(7, 3_001, 16);
    Path dir = tempDir.resolve("one-segment");
    LuceneIndex.write(dir, movies, "fp", hnsw(), 3);
    try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.leaves()).hasSize(1);
      assertThat(reader.numDocs()).isEqualTo(3_001);
    }
    try (LuceneIndex index = LuceneIndex.open(dir, "fp", 0)) {
      for (IndexedMovie movie : List.of(movies.getFirst(), movies.get(1_500), movies.getLast())) {
        assertThat(index.search(new VectorQuery(movie.vector(), 1, ItemFilter.NONE)).getFirst().movieId())
            .isEqualTo(movie.movieId());
      }
    }
  }
}
