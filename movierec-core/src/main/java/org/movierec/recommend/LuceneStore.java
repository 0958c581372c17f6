package org.movierec.recommend;

import java.nio.file.Path;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;

/** The embedded default: a Lucene index in {@code MODEL_DIR/index} ({@link ModelIndex}). */
public final class LuceneStore implements VectorStore {
  public static final LuceneStore INSTANCE = new LuceneStore();

  private LuceneStore() {}

  @Override
  public String describe(Path modelDir) {
    return ModelIndex.dir(modelDir).toAbsolutePath().normalize().toString();
  }

  @Override
  public int build(Path modelDir, SavedModel model, Progress progress) {
    return ModelIndex.build(modelDir, model);
  }

  @Override
  public VectorIndex open(Path modelDir, SavedModel model) {
    return ModelIndex.open(modelDir, model);
  }
}
