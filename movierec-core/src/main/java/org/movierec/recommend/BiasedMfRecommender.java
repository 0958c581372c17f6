package org.movierec.recommend;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.movierec.data.IdIndex;
import org.movierec.data.Ratings;
import org.movierec.data.Shuffle;
import org.movierec.data.User;

/**
 * Biased matrix factorization (Koren, Bell and Volinsky 2009): the predicted rating of movie i by user u is
 * {@code mu + b_u + b_i + p_u . q_i}, with mu the mean training rating, b the biases and p, q vectors learned by
 * stochastic gradient descent on the squared error with L2 regularization. Trained by {@link #fit}, deterministic for
 * a seed (one thread, a seeded order).
 *
 * <p>{@link #predictStars} clips to 1..5 stars; {@link #scores} is the same sum unclipped, so that movies predicted
 * above 5 stars keep their order. A user it never saw (cold start) has no bias and no vector: the prediction is {@code
 * mu + b_i}, the movie's regularized mean. A movie it never saw has no bias and no vector either. Immutable and safe
 * from many threads.
 */
public final class BiasedMfRecommender implements StarPredictor {
  private final BiasedMfParams params;
  private final IdIndex users;
  private final IdIndex movies;
  private final float mu;
  /** By row; row 0 (unknown) stays 0. */
  private final float[] userBias;
  private final float[] movieBias;
  /** Row r's vector is [r * factors, (r + 1) * factors); row 0 stays 0. */
  private final float[] userVectors;
  private final float[] movieVectors;
  private final List<Double> trainingRmse;

  private BiasedMfRecommender(BiasedMfParams params, IdIndex users, IdIndex movies, float mu, float[] userBias,
      float[] movieBias, float[] userVectors, float[] movieVectors, List<Double> trainingRmse) {
    this.params = params;
    this.users = users;
    this.movies = movies;
    this.mu = mu;
    this.userBias = userBias;
    this.movieBias = movieBias;
    this.userVectors = userVectors;
    this.movieVectors = movieVectors;
    this.trainingRmse = trainingRmse;
  }

  /** {@link #fit(Ratings, BiasedMfParams)} with {@link BiasedMfParams#defaults()}. */
  public static BiasedMfRecommender fit(Ratings train) {
    return fit(train, BiasedMfParams.defaults());
  }

  /**
   * Learns from every rating of {@code train}.
   *
   * @throws IllegalArgumentException if {@code train} is empty
   */
  public static BiasedMfRecommender fit(Ratings train, BiasedMfParams params) {
    Objects.requireNonNull(params, "params");
    int n = train.size();
    if (n == 0) {
      throw new IllegalArgumentException("cannot learn from no ratings");
    }
    int[] userIds = new int[n];
    int[] movieIds = new int[n];
    for (int i = 0; i < n; i++) {
      userIds[i] = train.userId(i);
      movieIds[i] = train.movieId(i);
    }
    IdIndex users = IdIndex.of(userIds);
    IdIndex movies = IdIndex.of(movieIds);
    int[] u = new int[n];
    int[] m = new int[n];
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      u[i] = users.row(userIds[i]);
      m[i] = movies.row(movieIds[i]);
      r[i] = train.stars(i);
    }
    int k = params.factors();
    SplittableRandom random = new SplittableRandom(params.seed());
    float[] p = gaussian(users.rows() * k, k, params.initStd(), random);
    float[] q = gaussian(movies.rows() * k, k, params.initStd(), random);
    float[] bu = new float[users.rows()];
    float[] bi = new float[movies.rows()];
    float mu = (float) train.meanStars();
    float reg = (float) params.regularization();
    float regBias = (float) params.biasRegularization();
    double lr = params.learningRate();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Double[] rmse = new Double[params.epochs()];
    for (int epoch = 0; epoch < params.epochs(); epoch++) {
      Shuffle.inPlace(order, random);
      float step = (float) lr;
      double squaredError = 0;
      for (int j = 0; j < n; j++) {
        int i = order[j];
        int ur = u[i];
        int mr = m[i];
        int uo = ur * k;
        int mo = mr * k;
        float dot = 0;
        for (int f = 0; f < k; f++) {
          dot += p[uo + f] * q[mo + f];
        }
        float e = r[i] - (mu + bu[ur] + bi[mr] + dot);
        squaredError += (double) e * e;
        bu[ur] += step * (e - regBias * bu[ur]);
        bi[mr] += step * (e - regBias * bi[mr]);
        for (int f = 0; f < k; f++) {
          float pf = p[uo + f];
          float qf = q[mo + f];
          p[uo + f] = pf + step * (e * qf - reg * pf);
          q[mo + f] = qf + step * (e * pf - reg * qf);
        }
      }
      rmse[epoch] = Math.sqrt(squaredError / n);
      lr *= params.learningRateDecay();
    }
    return new BiasedMfRecommender(params, users, movies, mu, bu, bi, p, q, List.of(rmse));
  }

  /** Normal(0, std) entries, except the first row (the unknown row), which stays 0. */
  private static float[] gaussian(int length, int k, double std, SplittableRandom random) {
    float[] a = new float[length];
    for (int i = k; i < length; i++) {
      a[i] = (float) (gaussian(random) * std);
    }
    return a;
  }

  /** A standard normal draw by the Marsaglia polar method, from the seeded generator only. */
  private static double gaussian(SplittableRandom random) {
    double x;
    double y;
    double s;
    do {
      x = 2 * random.nextDouble() - 1;
      y = 2 * random.nextDouble() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s == 0);
    return x * Math.sqrt(-2 * Math.log(s) / s);
  }

  @Override
  public String name() {
    return "biased-mf";
  }

  public BiasedMfParams params() {
    return params;
  }

  /** The root mean squared error on the training ratings during each epoch (as the ratings were visited). */
  public List<Double> trainingRmse() {
    return trainingRmse;
  }

  /** The mean training rating. */
  public float mu() {
    return mu;
  }

  /** The learned bias of a movie; 0 for a movie the model never saw. */
  public float movieBias(int movieId) {
    return movieBias[movies.row(movieId)];
  }

  /** A copy of the learned vector of a movie; zeros for a movie the model never saw. */
  public float[] movieVector(int movieId) {
    int k = params.factors();
    int row = movies.row(movieId);
    return java.util.Arrays.copyOfRange(movieVectors, row * k, (row + 1) * k);
  }

  /** {@code mu + b_u + b_i + p_u . q_i}, unclipped. */
  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    int ur = user.isNew() ? 0 : users.row(user.id());
    int k = params.factors();
    int uo = ur * k;
    float base = mu + userBias[ur];
    for (int i = 0; i < movieIds.length; i++) {
      int mr = movies.row(movieIds[i]);
      int mo = mr * k;
      float dot = 0;
      if (ur != 0 && mr != 0) {
        for (int f = 0; f < k; f++) {
          dot += userVectors[uo + f] * movieVectors[mo + f];
        }
      }
      out[i] = base + movieBias[mr] + dot;
    }
  }

  /** {@link #scores} clipped to 1..5 stars. */
  @Override
  public void predictStars(User user, int[] movieIds, float[] out) {
    scores(user, movieIds, out);
    for (int i = 0; i < movieIds.length; i++) {
      out[i] = Math.min(5f, Math.max(1f, out[i]));
    }
  }

  @Override
  public String toString() {
    return "BiasedMfRecommender[" + users.size() + " users, " + movies.size() + " movies, " + params + "]";
  }
}
