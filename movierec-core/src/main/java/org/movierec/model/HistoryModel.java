package org.movierec.model;

import static org.movierec.model.HistoryWeights.AGE_EMB;
import static org.movierec.model.HistoryWeights.B;
import static org.movierec.model.HistoryWeights.FOLD_IN_BIAS;
import static org.movierec.model.HistoryWeights.FOLD_IN_MU;
import static org.movierec.model.HistoryWeights.FOLD_IN_VECTORS;
import static org.movierec.model.HistoryWeights.GENDER_EMB;
import static org.movierec.model.HistoryWeights.GENRE_EMB;
import static org.movierec.model.HistoryWeights.GLOBAL_STARS;
import static org.movierec.model.HistoryWeights.HISTORY_EMB;
import static org.movierec.model.HistoryWeights.HISTORY_STARS;
import static org.movierec.model.HistoryWeights.JOB_EMB;
import static org.movierec.model.HistoryWeights.MOVIE_BIAS;
import static org.movierec.model.HistoryWeights.MOVIE_CONTENT;
import static org.movierec.model.HistoryWeights.MOVIE_ID_EMB;
import static org.movierec.model.HistoryWeights.MOVIE_STARS_BIAS;
import static org.movierec.model.HistoryWeights.MOVIE_STARS_EMB;
import static org.movierec.model.HistoryWeights.TITLE_CONV;
import static org.movierec.model.HistoryWeights.TITLE_EMB;
import static org.movierec.model.HistoryWeights.USER_HIDDEN;
import static org.movierec.model.HistoryWeights.USER_OUT;
import static org.movierec.model.HistoryWeights.USER_STARS;
import static org.movierec.model.HistoryWeights.USER_STARS_BIAS;
import static org.movierec.model.HistoryWeights.W;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * The history model, in plain Java: a user is read from the movies they rated and their stars, with age, gender and
 * occupation; a movie from its id, genres and title. Immutable and safe from many threads; every returned array is
 * the caller's.
 *
 * <p>User tower: the pooled history {@code h = sum over rated movies of (E[m] + s S[m]) / sqrt(n)}, where {@code s =
 * (stars - 3) / 2} and {@code n} is the number of ratings (0 for none); two summary numbers, the mean of s and
 * {@code log(1 + n) / log(1001)}; {@code z = tanh([h, summary, gender, age, occupation embeddings] W1 + b1)}; the ranking vector {@code u = z W2 + b2}. Movie tower: {@code v = idEmbedding[m] + [sum of
 * genre embeddings, title CNN] Wc + bc}, with a ranking bias {@code b[m]}. A movie or rated movie the model never saw
 * reads the "unknown movie" row 0.
 *
 * <p>Ranking score: {@code u . v + b[m]}, which is exactly the inner product of the query vector {@code [u, 1]} and
 * the index vector {@code [v, b[m]]}: the vector index ranks in the model's order. Predicted stars: {@code mu +
 * starBias[m] + z wu + (z Ws + bs) . (v + w[m])}: a second head on the same towers, with a per-movie vector {@code
 * w[m]} of its own, trained on the stars; blended with a matrix factorization whose user
 * factors are fitted from the user's ratings when asked ({@link FoldInFactors}): {@code share * head + (1 - share) *
 * factorization}, then clipped to 1..5.
 */
public final class HistoryModel implements TwoTowerModel {
  private final HistoryShape shape;
  private final FusionFeatures features;
  private final Weights weights;
  private final FoldInFactors foldIn;
  /** Movie vectors of the known movie rows, computed on first use (an unknown movie's each time). */
  private final AtomicReferenceArray<float[]> movieVectors;

  public HistoryModel(HistoryShape shape, FusionFeatures features, Weights weights) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.features = Objects.requireNonNull(features, "features");
    this.weights = Objects.requireNonNull(weights, "weights");
    if (shape.movieRows() != features.movies().rows() || shape.titleVocabulary() != features.titleWords().size()
        || shape.titleLength() != features.titleLength()) {
      throw new IllegalArgumentException("model shape " + shape + " does not fit the features " + features);
    }
    Weights.of(HistoryWeights.layout(shape), weights.all()); // validates every tensor's shape
    this.movieVectors = new AtomicReferenceArray<>(shape.movieRows());
    this.foldIn = new FoldInFactors(weights.get(FOLD_IN_MU).data()[0], weights.get(FOLD_IN_BIAS),
        weights.get(FOLD_IN_VECTORS), shape.starRegularization(), shape.starBiasRegularization());
  }

  public HistoryShape shape() {
    return shape;
  }

  public FusionFeatures features() {
    return features;
  }

  public Weights weights() {
    return weights;
  }

  @Override
  public Architecture architecture() {
    return Architecture.HISTORY;
  }

  @Override
  public Objective objective() {
    return Objective.JOINT;
  }

  /** The tower width plus the folded bias. */
  @Override
  public int dimension() {
    return shape.towerDim() + 1;
  }

  @Override
  public float[] queryVector(UserProfile profile) {
    float[] u = rankingVector(hidden(profile));
    if (shape.temperature() > 0) {
      u = Vectors.normalize(u);
      Dense.addScaled(u, u, 1 / shape.temperature() - 1);
    }
    return Dense.concat(u, new float[] {1f});
  }

  @Override
  public float[] indexVector(Movie movie) {
    float[] v = movieVector(movie);
    return Dense.concat(shape.temperature() > 0 ? Vectors.normalize(v) : v, new float[] {bias(MOVIE_BIAS, movie)});
  }

  @Override
  public boolean predictsStars() {
    return true;
  }

  @Override
  public void predictStars(UserProfile profile, Movie[] movies, float[] out) {
    predictStars(profile, foldInFactors(profile), movies, out);
  }

  /**
   * The user's factors in the fold-in factorization, fitted from their ratings: {@code [bu, pu...]}. They depend only
   * on the ratings and the factorization, so a caller predicting for the same ratings again may keep them.
   */
  public float[] foldInFactors(UserProfile profile) {
    return foldIn.fitUser(profile.ratings(), features.movies()::row);
  }

  /** {@link #predictStars(UserProfile, Movie[], float[])} with the user's {@link #foldInFactors} already fitted. */
  public void predictStars(UserProfile profile, float[] factors, Movie[] movies, float[] out) {
    if (out.length < movies.length) {
      throw new IllegalArgumentException("out must hold a prediction for each of the " + movies.length
          + " movies, got length " + out.length);
    }
    float[] z = hidden(profile);
    float[] starVector = Dense.fc(z, weights.get(USER_STARS + W), weights.get(USER_STARS + B));
    float userBias = Dense.fc(z, weights.get(USER_STARS_BIAS + W), weights.get(USER_STARS_BIAS + B))[0];
    float mu = weights.get(GLOBAL_STARS).data()[0];
    float share = shape.neuralStarShare();
    for (int i = 0; i < movies.length; i++) {
      float[] v = Dense.addScaled(movieVector(movies[i]),
          Dense.row(weights.get(MOVIE_STARS_EMB), features.movieRow(movies[i])), 1f);
      float head = mu + userBias + bias(MOVIE_STARS_BIAS, movies[i]) + Vectors.dot(starVector, v);
      float stars = share * head + (1 - share) * foldIn.predict(factors, features.movieRow(movies[i]));
      out[i] = Math.max(1f, Math.min(5f, stars));
    }
  }

  /** The user tower's hidden layer {@code z}. */
  float[] hidden(UserProfile profile) {
    User user = profile.user();
    float[] input = Dense.concat(pooledHistory(profile), historyStats(profile),
        Dense.row(weights.get(GENDER_EMB), user.gender().code()),
        Dense.row(weights.get(AGE_EMB), user.age().code()),
        Dense.row(weights.get(JOB_EMB), user.occupation().code()));
    return Dense.tanh(Dense.fc(input, weights.get(USER_HIDDEN + W), weights.get(USER_HIDDEN + B)));
  }

  /** {@code sum over rated movies of (E[m] + (stars - 3) / 2 * S[m]) / sqrt(n)}; zeros for no ratings. */
  float[] pooledHistory(UserProfile profile) {
    float[] h = new float[shape.historyDim()];
    int n = profile.ratings().size();
    if (n == 0) {
      return h;
    }
    float scale = (float) (1 / Math.sqrt(n));
    Tensor embedding = weights.get(HISTORY_EMB);
    Tensor stars = weights.get(HISTORY_STARS);
    for (RatedMovie r : profile.ratings()) {
      int row = features.movies().row(r.movieId());
      Dense.addScaled(h, Dense.row(embedding, row), scale);
      Dense.addScaled(h, Dense.row(stars, row), scale * starWeight(r.stars()));
    }
    return h;
  }

  /**
   * The history's summary numbers: the mean of the centred stars ((stars - 3) / 2; 0 for no ratings) and {@code
   * log(1 + n) / log(1 + 1000)} for n ratings.
   */
  public static float[] historyStats(int n, double centredStarSum) {
    return new float[] {n == 0 ? 0f : (float) (centredStarSum / n), (float) (Math.log1p(n) / Math.log1p(1000))};
  }

  float[] historyStats(UserProfile profile) {
    double sum = 0;
    for (RatedMovie r : profile.ratings()) {
      sum += starWeight(r.stars());
    }
    return historyStats(profile.ratings().size(), sum);
  }

  /** The weight of a rating's star embedding: (stars - 3) / 2, from -1 for 1 star to 1 for 5 stars. */
  public static float starWeight(int stars) {
    return (stars - 3) / 2f;
  }

  private float[] rankingVector(float[] z) {
    return Dense.fc(z, weights.get(USER_OUT + W), weights.get(USER_OUT + B));
  }

  /** The movie vector {@code v} without the folded bias; a copy of the cached one for a known movie. */
  @Override
  public float[] movieVector(Movie movie) {
    int row = features.movieRow(movie);
    if (row == 0) {
      return computeMovieVector(movie);
    }
    float[] v = movieVectors.get(row);
    if (v == null) {
      v = computeMovieVector(movie);
      movieVectors.set(row, v); // a race computes the same vector twice, harmlessly
    }
    return v.clone();
  }

  private float[] computeMovieVector(Movie movie) {
    float[] genres = new float[shape.genreDim()];
    for (Genre g : movie.genres()) {
      Dense.addScaled(genres, Dense.row(weights.get(GENRE_EMB), g.ordinal()), 1f);
    }
    float[] title = Dense.titleCnn(weights.get(TITLE_EMB), weights.get(TITLE_CONV + W), weights.get(TITLE_CONV + B),
        features.titleIndices(movie), features.titleWordCount(movie));
    float[] v = Dense.fc(Dense.concat(genres, title), weights.get(MOVIE_CONTENT + W), weights.get(MOVIE_CONTENT + B));
    return Dense.addScaled(v, Dense.row(weights.get(MOVIE_ID_EMB), features.movieRow(movie)), 1f);
  }

  private float bias(String table, Movie movie) {
    return weights.get(table).data()[features.movieRow(movie)];
  }
}
