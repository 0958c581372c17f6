package org.movierec.model;

import java.util.Objects;
import org.movierec.data.SeenMovies;

/**
 * Everything a model directory holds: the model, the catalog it knows, which movies each user has rated (never
 * recommended back), and the manifest describing how it was made.
 */
public record SavedModel(ModelManifest manifest, FusionModel model, Catalog catalog, SeenMovies seen) {
  public SavedModel {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(seen, "seen");
  }

  public String fingerprint() {
    return manifest.fingerprint();
  }
}
