package org.movierec.index.milvus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.movierec.data.Movie;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;
import org.movierec.recommend.ModelIndex;
import org.movierec.recommend.VectorStore;

/**
 * A model's movie vectors in a Milvus collection (through the alias {@link MilvusOptions#collection()}): built by
 * {@link MilvusIndex#build}, a new collection switched in when complete; opened by {@link MilvusIndex#open}, refusing
 * a collection of another model. The model directory only supplies the model; nothing is written there.
 */
public record MilvusStore(MilvusOptions options, MilvusIndexParams params) implements VectorStore {

  public MilvusStore {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(params, "params");
  }

  @Override
  public String describe(Path modelDir) {
    return "Milvus collection '" + options.collection() + "' at " + options.uri();
  }

  @Override
  public int build(Path modelDir, SavedModel model, Progress progress) {
    Map<Integer, String> titles = new HashMap<>();
    for (Movie m : model.catalog().movies().values()) {
      titles.put(m.id(), m.title());
    }
    var movies = ModelIndex.movieVectors(model);
    try (MilvusIndex index = MilvusIndex.build(options, params, movies, titles, model.fingerprint(),
        (done, total) -> progress.stored(done, total))) {
      return index.info().size();
    }
  }

  @Override
  public VectorIndex open(Path modelDir, SavedModel model) {
    return MilvusIndex.open(options, params, model.fingerprint());
  }
}
