package org.movierec.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.User;

/**
 * A data set with what a server received added: the closing step of the loop serve, collect, retrain. Users and
 * movies added through the API join the data's; a received rating of a (user, movie) the data rated replaces the
 * data's rating, any other is appended. A pure function of its inputs.
 */
public final class FeedbackData {
  private FeedbackData() {}

  /**
   * The data with the feedback added; its checksum also covers the feedback, so that a model trained on it is told
   * apart from one trained on the data alone.
   *
   * @throws IllegalArgumentException when the feedback names a user or movie that is neither in the data nor added
   *     through the API (a store shared with another data set), or adds an id the data already has
   */
  public static MovieLensData merge(MovieLensData data, Feedback feedback) {
    if (feedback.isEmpty()) {
      return data;
    }
    Map<Integer, User> users = new LinkedHashMap<>(data.users());
    for (User u : feedback.users()) {
      if (users.putIfAbsent(u.id(), u) != null) {
        throw new IllegalArgumentException("the feedback store added user " + u.id() + " but the data has a user "
            + u.id() + " already: is the store another data set's?");
      }
    }
    Map<Integer, Movie> movies = new LinkedHashMap<>(data.movies());
    for (Movie m : feedback.movies()) {
      if (movies.putIfAbsent(m.id(), m) != null) {
        throw new IllegalArgumentException("the feedback store added movie " + m.id() + " but the data has a movie "
            + m.id() + " already: is the store another data set's?");
      }
    }
    Set<Long> received = new HashSet<>();
    for (Rating r : feedback.ratings()) {
      if (!users.containsKey(r.userId()) || !movies.containsKey(r.movieId())) {
        throw new IllegalArgumentException("the feedback store holds a rating of movie " + r.movieId() + " by user "
            + r.userId() + ", but " + (users.containsKey(r.userId()) ? "movie " + r.movieId() : "user "
            + r.userId()) + " is neither in the data nor added through the API: is the store another data set's?");
      }
      received.add(pair(r.userId(), r.movieId()));
    }
    Ratings old = data.ratings();
    Ratings.Builder all = new Ratings.Builder(old.size() + feedback.ratings().size());
    for (int i = 0; i < old.size(); i++) {
      if (!received.contains(pair(old.userId(i), old.movieId(i)))) {
        all.add(old.userId(i), old.movieId(i), old.stars(i), old.timestamp(i));
      }
    }
    for (Rating r : feedback.ratings()) {
      all.add(r);
    }
    return new MovieLensData(movies, users, all.build(), checksum(data.checksum(), feedback));
  }

  private static long pair(int user, int movie) {
    return ((long) user << 32) | (movie & 0xFFFFFFFFL);
  }

  private static String checksum(String dataChecksum, Feedback feedback) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dataChecksum.getBytes(StandardCharsets.UTF_8));
      for (User u : feedback.users()) {
        sha.update(("u" + u.id() + ":" + u.gender() + ":" + u.age() + ":" + u.occupation() + ":" + u.zip() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      for (Movie m : feedback.movies()) {
        sha.update(("m" + m.id() + ":" + m.title() + ":" + m.sortedGenres() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Rating r : feedback.ratings()) {
        sha.update(("r" + r.userId() + ":" + r.movieId() + ":" + r.stars() + ":" + r.timestamp() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256", e);
    }
  }
}
