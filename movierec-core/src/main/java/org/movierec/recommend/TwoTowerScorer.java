package org.movierec.recommend;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.movierec.data.Movie;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.TwoTowerModel;
import org.movierec.model.Vectors;

/**
 * A two-tower model as a {@link Scorer}: the inner product of the user's query vector and the movie's index vector,
 * which is what the vector index ranks by. Index vectors are computed once, at construction. A user the scorer was
 * given ratings for ({@code histories}: the training ratings) is read with those ratings; a profile's own ratings are
 * read as given (a new user who rated a few movies). A model that predicts stars makes a {@link StarPredictor} (see
 * {@link #of}). Immutable and safe from many threads.
 */
public class TwoTowerScorer implements Scorer {
  private final String name;
  private final TwoTowerModel model;
  private final Map<Integer, Movie> movies;
  private final Map<Integer, float[]> indexVectors;
  private final SeenMovies histories;

  private TwoTowerScorer(String name, TwoTowerModel model, Map<Integer, Movie> movies, SeenMovies histories) {
    this.name = Objects.requireNonNull(name, "name");
    this.model = Objects.requireNonNull(model, "model");
    this.movies = Map.copyOf(movies);
    this.histories = Objects.requireNonNull(histories, "histories");
    this.indexVectors = new HashMap<>();
    for (Movie m : movies.values()) {
      indexVectors.put(m.id(), model.indexVector(m));
    }
  }

  /**
   * A scorer of every movie of {@code movies}; a {@link StarPredictor} when the model predicts stars.
   *
   * @param name the name reports show, such as {@code history}
   * @param histories the ratings known users are read from (the training ratings)
   */
  public static TwoTowerScorer of(String name, TwoTowerModel model, Map<Integer, Movie> movies, SeenMovies histories) {
    return model.predictsStars() ? new Stars(name, model, movies, histories)
        : new TwoTowerScorer(name, model, movies, histories);
  }

  @Override
  public String name() {
    return name;
  }

  public TwoTowerModel model() {
    return model;
  }

  /** The profile of a user: a known user's ratings from the histories, none for a new user. */
  public UserProfile profile(User user) {
    return user.isNew() ? UserProfile.of(user) : new UserProfile(user, histories.ratingsOf(user.id()));
  }

  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    scores(profile(user), movieIds, out);
  }

  @Override
  public void scores(UserProfile profile, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    float[] q = model.queryVector(profile);
    for (int i = 0; i < movieIds.length; i++) {
      float[] m = indexVectors.get(movieIds[i]);
      if (m == null) {
        throw new IllegalArgumentException("movie " + movieIds[i] + " is not in the catalog this scorer was built on");
      }
      out[i] = Vectors.dot(q, m);
    }
  }

  private static final class Stars extends TwoTowerScorer implements StarPredictor {
    Stars(String name, TwoTowerModel model, Map<Integer, Movie> movies, SeenMovies histories) {
      super(name, model, movies, histories);
    }

    @Override
    public void predictStars(User user, int[] movieIds, float[] out) {
      Scorer.checkLengths(movieIds, out);
      Movie[] asked = new Movie[movieIds.length];
      for (int i = 0; i < asked.length; i++) {
        asked[i] = super.movies.get(movieIds[i]);
        if (asked[i] == null) {
          throw new IllegalArgumentException("movie " + movieIds[i] + " is not in the catalog this scorer was built on");
        }
      }
      model().predictStars(profile(user), asked, out);
    }
  }
}
