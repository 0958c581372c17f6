package org.movierec.feedback;

/**
 * A position in a {@link FeedbackStore}: everything up to it has been read.
 *
 * @param lastUserId the largest added user id read, 0 for none
 * @param lastMovieId the largest added movie id read, 0 for none
 * @param lastRatingSequence the store's sequence number of the last rating read, 0 for none
 */
public record FeedbackCursor(int lastUserId, int lastMovieId, long lastRatingSequence) {
  public static final FeedbackCursor START = new FeedbackCursor(0, 0, 0);

  public FeedbackCursor {
    if (lastUserId < 0 || lastMovieId < 0 || lastRatingSequence < 0) {
      throw new IllegalArgumentException("a feedback cursor's positions must be 0 or positive, got: user "
          + lastUserId + ", movie " + lastMovieId + ", rating sequence " + lastRatingSequence);
    }
  }
}
