package org.movierec.recommend;

import java.nio.file.Path;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;

/**
 * Where a model's movie vectors are searched: the embedded Lucene index in the model directory ({@link LuceneStore},
 * the default) or a vector database such as Milvus. The commands and the server build and open through this, so they
 * do not care which.
 */
public interface VectorStore {

  /** Where the vectors of the model in {@code modelDir} live, for messages: a directory, or a server's collection. */
  String describe(Path modelDir);

  /**
   * Computes every catalog movie's index vector with the model and stores them, replacing what the store held for
   * this model directory only once the new vectors are complete.
   *
   * @param progress hears how many movies are stored, where the store reports it
   * @return how many movies were stored
   */
  int build(Path modelDir, SavedModel model, Progress progress);

  /**
   * Opens the stored vectors for searching.
   *
   * @throws IllegalStateException when nothing is stored or it comes from another model (the message says how to
   *     rebuild)
   * @throws org.movierec.index.IndexUnavailableException when the store cannot be reached
   */
  VectorIndex open(Path modelDir, SavedModel model);

  /** Hears how a build goes; called from the building thread. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total) -> {};

    /** {@code done} of {@code total} movies are stored. */
    void stored(int done, int total);
  }
}
