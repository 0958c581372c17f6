package org.movierec.feedback;

import java.util.List;
import java.util.Objects;
import org.movierec.data.Movie;
import org.movierec.data.Rating;
import org.movierec.data.User;

/**
 * A read of a {@link FeedbackStore}.
 *
 * @param users users added through the API, ascending by id
 * @param movies movies added through the API, ascending by id
 * @param ratings ratings, in the order they were stored; for each (user, movie) only the latest
 * @param cursor where this read ended, to read what comes after
 */
public record Feedback(List<User> users, List<Movie> movies, List<Rating> ratings, FeedbackCursor cursor) {
  public Feedback {
    users = List.copyOf(Objects.requireNonNull(users, "users"));
    movies = List.copyOf(Objects.requireNonNull(movies, "movies"));
    ratings = List.copyOf(Objects.requireNonNull(ratings, "ratings"));
    Objects.requireNonNull(cursor, "cursor");
  }

  public boolean isEmpty() {
    return users.isEmpty() && movies.isEmpty() && ratings.isEmpty();
  }
}
