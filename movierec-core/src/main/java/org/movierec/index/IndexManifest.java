package org.movierec.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON file beside an index's own files that says what it holds and how to read it.
 *
 * @param formatVersion how the directory is laid out; bumped on any incompatible change
 * @param backend which {@link VectorIndex} wrote it, e.g. {@code "lucene-hnsw"}
 * @param dimension the length of every vector
 * @param size the number of movies
 * @param modelFingerprint the model the vectors were computed from
 * @param hnsw how the graph was built
 * @param luceneVersion the Lucene release that wrote the files, for the curious
 */
record IndexManifest(
    int formatVersion,
    String backend,
    int dimension,
    int size,
    String modelFingerprint,
    HnswParams hnsw,
    String luceneVersion) {

  static final String FILE_NAME = "index-manifest.json";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes the manifest into {@code dir} and forces it to disk. */
  void writeTo(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    Files.write(file, JSON.writeValueAsBytes(this));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Reads the manifest in {@code dir}.
   *
   * @throws JsonProcessingException when the file is not a manifest (garbled, truncated, fields missing)
   * @throws IOException when it cannot be read at all
   */
  static IndexManifest readFrom(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(FILE_NAME).toFile(), IndexManifest.class);
  }
}
