package org.movierec.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.Rating;
import org.movierec.data.User;
import org.movierec.feedback.Feedback;

/**
 * What the feedback store holds, in memory, for requests to read without a database round trip: users and movies
 * added through the API and every user's ratings received (a later rating of a movie replaces the earlier). Filled
 * only from the store's reads, in the store's order ({@link MovieRecService#catchUp}), so that it never disagrees
 * with the store; it outlives model swaps. Safe from many threads: each user's ratings are an immutable map
 * replaced whole.
 */
final class LiveFeedback {
  private final Map<Integer, User> users = new ConcurrentHashMap<>();
  private final Map<Integer, Movie> movies = new ConcurrentHashMap<>();
  private final Map<Integer, Map<Integer, Rating>> ratings = new ConcurrentHashMap<>();

  /** Takes in what the store returned (a whole read, or what came after an earlier one). */
  void apply(Feedback feedback) {
    for (User u : feedback.users()) {
      users.put(u.id(), u);
    }
    for (Movie m : feedback.movies()) {
      movies.put(m.id(), m);
    }
    addRatings(feedback.ratings());
  }

  /** Ratings stored durably, in the store's order; each user's map is replaced at once. */
  private void addRatings(List<Rating> stored) {
    Map<Integer, List<Rating>> byUser = new LinkedHashMap<>();
    for (Rating r : stored) {
      byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r);
    }
    byUser.forEach((user, list) -> ratings.compute(user, (u, old) -> {
      Map<Integer, Rating> next = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
      for (Rating r : list) {
        next.remove(r.movieId()); // a new rating of a movie moves to the end
        next.put(r.movieId(), r);
      }
      return Collections.unmodifiableMap(next);
    }));
  }

  /** A user added through the API, or null. */
  User user(int id) {
    return users.get(id);
  }

  /** A movie added through the API, or null. */
  Movie movie(int id) {
    return movies.get(id);
  }

  /** The movies added through the API, by ascending id. */
  List<Movie> movies() {
    return movies.values().stream().sorted(Comparator.comparingInt(Movie::id)).toList();
  }

  Collection<User> users() {
    return users.values();
  }

  /** The user's ratings received through the API, oldest first. */
  List<Rating> ratingsOf(int userId) {
    Map<Integer, Rating> mine = ratings.get(userId);
    return mine == null ? List.of() : List.copyOf(mine.values());
  }

  /**
   * The user's ratings received, by movie, oldest first: an immutable snapshot, replaced whole when one arrives, so it
   * can key what was computed from it.
   */
  Map<Integer, Rating> received(int userId) {
    return ratings.getOrDefault(userId, Map.of());
  }

  /** The same, as a profile reads them. */
  List<RatedMovie> ratedMoviesOf(int userId) {
    return asRatedMovies(received(userId));
  }

  /** Ratings of {@link #received} as a profile reads them. */
  static List<RatedMovie> asRatedMovies(Map<Integer, Rating> received) {
    List<RatedMovie> out = new ArrayList<>(received.size());
    for (Rating r : received.values()) {
      out.add(new RatedMovie(r.movieId(), r.stars()));
    }
    return out;
  }

}
