package org.movierec.model;

import java.util.Objects;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * Everything a model directory holds: the model, the catalog it knows, which movies each user has rated (never
 * recommended back), and the manifest describing how it was made.
 */
public record SavedModel(ModelManifest manifest, TwoTowerModel model, Catalog catalog, SeenMovies seen) {
  public SavedModel {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(seen, "seen");
  }

  /**
   * The profile a recommender reads for this user: a user the model knows (a positive id with saved ratings) comes
   * with the ratings saved with the model; a new user as given, without ratings.
   */
  public UserProfile profile(User user) {
    return user.isNew() ? UserProfile.of(user) : new UserProfile(user, seen.ratingsOf(user.id()));
  }

  public String fingerprint() {
    return manifest.fingerprint();
  }
}
