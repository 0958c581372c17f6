package org.movierec.recommend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.movierec.data.Movie;
import org.movierec.index.ExactIndex;
import org.movierec.index.IndexedMovie;
import org.movierec.index.LuceneIndex;
import org.movierec.index.VectorIndex;
import org.movierec.model.SavedModel;

/**
 * The vector index of a model directory: every catalog movie's index vector ({@link
 * org.movierec.model.TwoTowerModel#indexVector}), in {@code MODEL_DIR/index}. For the demo model that is the unit
 * movie vector, so that inner products are cosines.
 */
public final class ModelIndex {
  public static final String DIR = "index";

  private ModelIndex() {}

  public static Path dir(Path modelDir) {
    return modelDir.resolve(DIR);
  }

  /** Every movie of the model's catalog with its index vector. */
  public static List<IndexedMovie> movieVectors(SavedModel model) {
    List<IndexedMovie> out = new ArrayList<>(model.catalog().movies().size());
    for (Movie m : model.catalog().movies().values()) {
      out.add(new IndexedMovie(m.id(), model.model().indexVector(m), m.genres(), m.year()));
    }
    return out;
  }

  /** Computes every movie vector and writes the Lucene index (replacing any index there, atomically). */
  public static int build(Path modelDir, SavedModel model) {
    List<IndexedMovie> movies = movieVectors(model);
    LuceneIndex.write(dir(modelDir), movies, model.fingerprint());
    return movies.size();
  }

  /** Opens the model's Lucene index, refusing one built from another model. */
  public static VectorIndex open(Path modelDir, SavedModel model) {
    Path dir = dir(modelDir);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no vector index in " + dir + "; build it with: movierec index --model "
          + modelDir);
    }
    return LuceneIndex.open(dir, model.fingerprint());
  }

  /** An in-memory exact index of the model's movies: the reference the Lucene index is checked against. */
  public static ExactIndex exact(SavedModel model) {
    return ExactIndex.of(movieVectors(model), model.fingerprint());
  }
}
