package org.movierec.data;

/**
 * One rating.
 *
 * @param stars 1 to 5
 * @param timestamp seconds since the epoch, or {@link #NO_TIMESTAMP} when the data has none
 */
public record Rating(int userId, int movieId, int stars, long timestamp) {
  public static final long NO_TIMESTAMP = -1;

  public Rating {
    if (userId < 1) {
      throw new IllegalArgumentException("user id must be at least 1, got: " + userId);
    }
    if (movieId < 1) {
      throw new IllegalArgumentException("movie id must be at least 1, got: " + movieId);
    }
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("rating must be 1..5 stars, got: " + stars);
    }
    if (timestamp < NO_TIMESTAMP) {
      throw new IllegalArgumentException("timestamp must be -1 (none) or at least 0, got: " + timestamp);
    }
  }

  public boolean hasTimestamp() {
    return timestamp != NO_TIMESTAMP;
  }
}
