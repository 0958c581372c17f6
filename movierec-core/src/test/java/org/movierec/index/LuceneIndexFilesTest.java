package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Genre;

/** A {@link LuceneIndex} on disk: its manifest, rewriting, and refusing what it cannot trust. */
class LuceneIndexFilesTest {
  private static final String MODEL = "model-a";
  private static final String MANIFEST = "index-manifest.json";

  @TempDir Path tempDir;

  private Path writeRandom(long seed, int count) {
    Path dir = tempDir.resolve("index");
    LuceneIndex.write(dir, TestMovies.random(seed, count, 8), MODEL);
    return dir;
  }

  private static List<List<Neighbor>> answers(Path dir, long querySeed) {
    Random random = new Random(querySeed);
    try (LuceneIndex index = LuceneIndex.open(dir, MODEL)) {
      return Stream.generate(() -> VectorQuery.of(TestMovies.unitVector(random, 8), 10))
          .limit(20)
          .map(index::search)
          .toList();
    }
  }

  @Test
  void gives_the_same_answers_after_reopening() {
    Path dir = writeRandom(1L, 500);
    assertThat(answers(dir, 2L)).isEqualTo(answers(dir, 2L));
  }

  @Test
  void gives_the_same_answers_when_rebuilt_from_the_same_movies() {
    Path dir = writeRandom(1L, 500);
    List<List<Neighbor>> first = answers(dir, 2L);
    writeRandom(1L, 500);
    assertThat(answers(dir, 2L)).isEqualTo(first);
  }

  @Test
  void records_what_it_holds_in_a_manifest_beside_the_lucene_files() throws IOException {
    Path dir = tempDir.resolve("index");
    LuceneIndex.write(dir, TestMovies.tiny(), MODEL, new HnswParams(8, 50));
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve(MANIFEST).toFile());
    assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(manifest.get("backend").asText()).isEqualTo("lucene-hnsw");
    assertThat(manifest.get("dimension").asInt()).isEqualTo(2);
    assertThat(manifest.get("size").asInt()).isEqualTo(5);
    assertThat(manifest.get("modelFingerprint").asText()).isEqualTo(MODEL);
    assertThat(manifest.get("hnsw").get("maxConn").asInt()).isEqualTo(8);
    assertThat(manifest.get("hnsw").get("beamWidth").asInt()).isEqualTo(50);
    try (LuceneIndex index = LuceneIndex.open(dir, MODEL)) {
      assertThat(index.info()).isEqualTo(new IndexInfo("lucene-hnsw", 2, MODEL, 5));
    }
  }

  @Test
  void replaces_an_existing_index_and_leaves_nothing_beside_it() throws IOException {
    Path dir = writeRandom(1L, 500);
    LuceneIndex.write(dir, TestMovies.tiny(), "model-b");
    try (LuceneIndex index = LuceneIndex.open(dir, "model-b")) {
      assertThat(index.info().size()).isEqualTo(5);
      assertThat(index.search(VectorQuery.of(TestMovies.tinyQuery(), 1))).containsExactly(new Neighbor(3, 1.5f));
    }
    try (Stream<Path> siblings = Files.list(tempDir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("index");
    }
  }

  @Test
  void keeps_the_previous_index_when_a_write_is_rejected() {
    Path dir = writeRandom(1L, 500);
    List<List<Neighbor>> before = answers(dir, 2L);
    List<IndexedMovie> mixed =
        List.of(TestMovies.movie(1, 0, Set.of(), 1, 0), TestMovies.movie(2, 0, Set.of(), 1, 0, 0));
    assertThatThrownBy(() -> LuceneIndex.write(dir, mixed, MODEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie 2 has 3");
    assertThat(answers(dir, 2L)).isEqualTo(before);
  }

  @Test
  void refuses_to_replace_a_directory_that_is_not_an_index() throws IOException {
    Path dir = tempDir.resolve("photos");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("holiday.jpg"), "not an index");
    assertThatThrownBy(() -> LuceneIndex.write(dir, TestMovies.tiny(), MODEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("not a vector index");
    assertThat(dir.resolve("holiday.jpg")).hasContent("not an index");
  }

  @Test
  void refuses_an_index_built_from_another_model_naming_the_path_and_the_command() {
    Path dir = writeRandom(1L, 50);
    assertThatThrownBy(() -> LuceneIndex.open(dir, "model-z"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("built from model model-a but the model in use is model-z")
        .hasMessageContaining("rebuild it with: movierec index --model DIR");
  }

  @Test
  void says_when_the_index_directory_does_not_exist() {
    Path dir = tempDir.resolve("nowhere");
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no vector index at " + dir + ": the directory does not exist; build it with: movierec index"
            + " --model DIR");
  }

  @Test
  void points_at_the_old_index_when_a_replacement_was_interrupted_between_its_renames() throws IOException {
    Path dir = writeRandom(1L, 50);
    Path old = tempDir.resolve(".index.old-1");
    Files.move(dir, old);
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the directory does not exist (an interrupted write left [" + old + "])");
  }

  @Test
  void says_when_the_manifest_is_missing() throws IOException {
    Path dir = writeRandom(1L, 50);
    Files.delete(dir.resolve(MANIFEST));
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("it has no " + MANIFEST)
        .hasMessageContaining("movierec index");
  }

  @Test
  void says_when_the_manifest_is_garbled() throws IOException {
    Path dir = writeRandom(1L, 50);
    overwrite(dir.resolve(MANIFEST), 0, "\u0000#garbage#".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("manifest " + MANIFEST + " is corrupt")
        .hasMessageContaining("movierec index");
  }

  @Test
  void says_when_the_manifest_is_of_another_format_version() throws IOException {
    Path dir = writeRandom(1L, 50);
    Path manifest = dir.resolve(MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("index format version 2 but this MovieRec reads version 1")
        .hasMessageContaining("movierec index");
  }

  @Test
  void says_when_a_lucene_file_is_garbled() throws IOException {
    Path dir = writeRandom(1L, 500);
    Path vectors = luceneFile(dir, ".vec");
    overwrite(vectors, Files.size(vectors) / 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertDamaged(dir);
  }

  @Test
  void says_when_a_lucene_file_is_truncated() throws IOException {
    Path dir = writeRandom(1L, 500);
    Path graph = luceneFile(dir, ".vex");
    try (RandomAccessFile file = new RandomAccessFile(graph.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    assertDamaged(dir);
  }

  @Test
  void says_when_the_lucene_files_are_gone() throws IOException {
    Path dir = writeRandom(1L, 50);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals(MANIFEST)).toList()) {
        Files.delete(f);
      }
    }
    assertDamaged(dir);
  }

  @Test
  void rejects_vectors_longer_than_lucene_accepts() {
    List<IndexedMovie> huge = List.of(new IndexedMovie(1, new float[1025], Set.of(Genre.DRAMA), 0));
    assertThatThrownBy(() -> LuceneIndex.write(tempDir.resolve("index"), huge, MODEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Lucene HNSW indexes at most 1024 dimensions, got: 1025");
  }

  private static void assertDamaged(Path dir) {
    assertThatThrownBy(() -> LuceneIndex.open(dir, MODEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot use the vector index at " + dir)
        .hasMessageContaining("Lucene files are damaged or incomplete")
        .hasMessageContaining("rebuild it with: movierec index --model DIR");
  }

  private static Path luceneFile(Path dir, String extension) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(extension))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow(() -> new AssertionError("no " + extension + " file in " + dir));
    }
  }

  private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      raf.write(bytes);
    }
  }
}
