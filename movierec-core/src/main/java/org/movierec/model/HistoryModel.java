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
  /** What the star head adds to them, {@code v + w[m]}, likewise. */
  private final AtomicReferenceArray<float[]> starMovieVectors;
  /**
   * The last {@link UserVectors} read for each user with an id row, and for each demographic segment's users without
   * ratings: a known user's saved ratings, and so their vectors, do not change between requests.
   */
  private final AtomicReferenceArray<UserVectors> knownUsers;
  private final AtomicReferenceArray<UserVectors> segments;

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
    this.starMovieVectors = new AtomicReferenceArray<>(shape.movieRows());
    this.knownUsers = new AtomicReferenceArray<>(features.users().rows());
    this.segments = new AtomicReferenceArray<>(ModelShape.GENDERS * ModelShape.AGES * ModelShape.OCCUPATIONS);
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
    return read(profile).queryVector();
  }

  /**
   * The user tower's outputs for this profile, computed once per profile: a request that searches with the query
   * vector and then predicts stars reads the tower once. A user with an id row whose profile is the same as last time
   * (a known user's saved ratings), and a user without ratings of a demographic segment seen before, get the vectors
   * computed then.
   */
  public UserVectors read(UserProfile profile) {
    User user = profile.user();
    AtomicReferenceArray<UserVectors> cache;
    int slot;
    if (!user.isNew() && features.users().contains(user.id())) {
      cache = knownUsers;
      slot = features.users().row(user.id());
    } else if (!profile.hasRatings()) {
      cache = segments;
      slot = (user.gender().code() * ModelShape.AGES + user.age().code()) * ModelShape.OCCUPATIONS
          + user.occupation().code();
    } else {
      return compute(profile);
    }
    UserVectors u = cache.get(slot);
    if (u == null || !u.isOf(profile)) {
      u = compute(profile);
      cache.set(slot, u); // a race computes the same vectors twice, harmlessly
    }
    return u;
  }

  private UserVectors compute(UserProfile profile) {
    float[] z = hidden(profile);
    float[] u = rankingVector(z);
    if (shape.temperature() > 0) {
      u = Vectors.normalize(u);
      Dense.addScaled(u, u, 1 / shape.temperature() - 1);
    }
    float[] query = Dense.concat(u, new float[] {1f});
    float[] starVector = Dense.fc(z, weights.get(USER_STARS + W), weights.get(USER_STARS + B));
    float starBias = Dense.fc(z, weights.get(USER_STARS_BIAS + W), weights.get(USER_STARS_BIAS + B))[0];
    return new UserVectors(profile, query, starVector, starBias);
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
    predictStars(read(profile), movies, out);
  }

  /** {@link #predictStars(UserProfile, Movie[], float[])} for the profile {@code user} was {@link #read} from. */
  public void predictStars(UserVectors user, Movie[] movies, float[] out) {
    predictStars(user, user.foldIn(foldIn, features), movies, out);
  }

  /**
   * The user's factors in the fold-in factorization, fitted from their ratings: {@code [bu, pu...]}. They depend only
   * on the ratings and the factorization, so a caller predicting for the same ratings again may keep them.
   */
  public float[] foldInFactors(UserProfile profile) {
    return read(profile).foldIn(foldIn, features).clone();
  }

  /** {@link #predictStars(UserProfile, Movie[], float[])} with the user's {@link #foldInFactors} already fitted. */
  public void predictStars(UserProfile profile, float[] factors, Movie[] movies, float[] out) {
    predictStars(read(profile), factors, movies, out);
  }

  private void predictStars(UserVectors user, float[] factors, Movie[] movies, float[] out) {
    if (out.length < movies.length) {
      throw new IllegalArgumentException("out must hold a prediction for each of the " + movies.length
          + " movies, got length " + out.length);
    }
    float mu = weights.get(GLOBAL_STARS).data()[0];
    float share = shape.neuralStarShare();
    float[] movieBiases = weights.get(MOVIE_STARS_BIAS).data();
    for (int i = 0; i < movies.length; i++) {
      int row = features.movieRow(movies[i]);
      float head = mu + user.starBias + movieBiases[row] + Vectors.dot(user.starVector,
          starMovieVector(movies[i], row));
      float stars = share * head + (1 - share) * foldIn.predict(factors, row);
      out[i] = Math.max(1f, Math.min(5f, stars));
    }
  }

  /** The movie vector plus the star head's own per-movie vector, {@code v + w[m]}; internal, not to be modified. */
  private float[] starMovieVector(Movie movie, int row) {
    float[] v = row == 0 ? null : starMovieVectors.get(row);
    if (v == null) {
      v = Dense.addScaled(movieVector(movie), Dense.row(weights.get(MOVIE_STARS_EMB), row), 1f);
      if (row != 0) {
        starMovieVectors.set(row, v);
      }
    }
    return v;
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
    float[] embedding = weights.get(HISTORY_EMB).data();
    float[] stars = weights.get(HISTORY_STARS).data();
    int dim = h.length;
    for (RatedMovie r : profile.ratings()) {
      int at = features.movies().row(r.movieId()) * dim;
      float w = scale * starWeight(r.stars());
      for (int j = 0; j < dim; j++) { // h += scale E[m], then h += w S[m]: the same two roundings, in place
        h[j] = (h[j] + scale * embedding[at + j]) + w * stars[at + j];
      }
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
    for (Genre g : Genre.values()) { // in Genre order: a set's order changes from run to run, and with it the last bit
      if (movie.genres().contains(g)) {
        Dense.addScaled(genres, Dense.row(weights.get(GENRE_EMB), g.ordinal()), 1f);
      }
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
