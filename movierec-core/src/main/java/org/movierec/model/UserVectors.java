package org.movierec.model;

import java.util.List;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * Everything a request needs from the history model's user tower for one profile, computed once: the query vector,
 * the star head's user vector and bias, and (when first asked) the user's fold-in factors. {@link HistoryModel#read}
 * makes it and may hand the same one out again for the same profile. Immutable but for the fold-in factors, filled
 * in once; safe from many threads.
 */
public final class UserVectors {
  final User user;
  final List<RatedMovie> ratings;
  final float[] query;
  final float[] starVector;
  final float starBias;
  private volatile float[] foldIn;

  UserVectors(UserProfile profile, float[] query, float[] starVector, float starBias) {
    this.user = profile.user();
    this.ratings = profile.ratings();
    this.query = query;
    this.starVector = starVector;
    this.starBias = starBias;
  }

  /** A copy of the vector the index is searched with. */
  public float[] queryVector() {
    return query.clone();
  }

  /** Whether this was read from a profile equal to {@code profile}. */
  boolean isOf(UserProfile profile) {
    return user.equals(profile.user()) && (ratings == profile.ratings() || ratings.equals(profile.ratings()));
  }

  /** The fold-in factors, fitted on first use (a race fits them twice, to the same values). */
  float[] foldIn(FoldInFactors factorization, FusionFeatures features) {
    float[] f = foldIn;
    if (f == null) {
      f = factorization.fitUser(ratings, features.movies()::row);
      foldIn = f;
    }
    return f;
  }
}
