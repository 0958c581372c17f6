package org.movierec.recommend;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.movierec.data.Movie;
import org.movierec.data.User;
import org.movierec.model.FusionModel;
import org.movierec.model.Vectors;

/**
 * The fusion model as a {@link Scorer}: the cosine of the user's and the movie's vectors, which is what the vector
 * index ranks by. Movie vectors are computed once, at construction. A model trained for ratings is also a
 * {@link StarPredictor} (see {@link #of}). Immutable and safe from many threads.
 */
public class FusionScorer implements Scorer {
  private final String name;
  private final FusionModel model;
  private final Map<Integer, float[]> movieVectors;

  private FusionScorer(String name, FusionModel model, Map<Integer, Movie> movies) {
    this.name = Objects.requireNonNull(name, "name");
    this.model = Objects.requireNonNull(model, "model");
    this.movieVectors = new HashMap<>();
    for (Movie m : movies.values()) {
      movieVectors.put(m.id(), Vectors.normalize(model.movieVector(m)));
    }
  }

  /**
   * A scorer of every movie of {@code movies}; a {@link StarPredictor} when the model predicts stars.
   *
   * @param name the name reports show, such as {@code fusion-mse}
   */
  public static FusionScorer of(String name, FusionModel model, Map<Integer, Movie> movies) {
    return model.objective().predictsStars() ? new Stars(name, model, movies) : new FusionScorer(name, model, movies);
  }

  @Override
  public String name() {
    return name;
  }

  public FusionModel model() {
    return model;
  }

  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    float[] u = Vectors.normalize(model.userVector(user));
    for (int i = 0; i < movieIds.length; i++) {
      float[] m = movieVectors.get(movieIds[i]);
      if (m == null) {
        throw new IllegalArgumentException("movie " + movieIds[i] + " is not in the catalog this scorer was built on");
      }
      out[i] = Vectors.dot(u, m);
    }
  }

  private static final class Stars extends FusionScorer implements StarPredictor {
    Stars(String name, FusionModel model, Map<Integer, Movie> movies) {
      super(name, model, movies);
    }

    @Override
    public void predictStars(User user, int[] movieIds, float[] out) {
      scores(user, movieIds, out);
      for (int i = 0; i < movieIds.length; i++) {
        out[i] = FusionModel.toStars(out[i]);
      }
    }
  }
}
