package org.movierec.model;

import static org.movierec.model.FusionWeights.AGE_EMB;
import static org.movierec.model.FusionWeights.AGE_FC;
import static org.movierec.model.FusionWeights.B;
import static org.movierec.model.FusionWeights.GENDER_EMB;
import static org.movierec.model.FusionWeights.GENDER_FC;
import static org.movierec.model.FusionWeights.GENRE_EMB;
import static org.movierec.model.FusionWeights.JOB_EMB;
import static org.movierec.model.FusionWeights.JOB_FC;
import static org.movierec.model.FusionWeights.MOVIE_FC;
import static org.movierec.model.FusionWeights.MOVIE_ID_EMB;
import static org.movierec.model.FusionWeights.MOVIE_ID_FC;
import static org.movierec.model.FusionWeights.TITLE_CONV;
import static org.movierec.model.FusionWeights.TITLE_EMB;
import static org.movierec.model.FusionWeights.USER_FC;
import static org.movierec.model.FusionWeights.USER_ID_EMB;
import static org.movierec.model.FusionWeights.USER_ID_FC;
import static org.movierec.model.FusionWeights.W;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * The trained fusion model, in plain Java: the two towers' forward pass over saved weights. No deep-learning runtime
 * is needed to use it. Immutable and safe from many threads; every returned array is the caller's.
 *
 * <p>User tower: id embedding → FC; gender, age, occupation embeddings → FC each; concatenated → FC, tanh. Movie
 * tower: id embedding → FC; sum of genre embeddings; title words → embedding → text CNN (centred window of 3, tanh)
 * max-pooled over the title's words; concatenated → FC, tanh. A predicted rating is {@link #toStars} of the cosine of
 * the two vectors, so ranking movies by inner product of unit vectors is ranking them by predicted rating.
 */
public final class FusionModel implements TwoTowerModel {
  /** Predicted stars = CENTER + HALF_RANGE * cosine: cosine -1..1 covers the 1..5 rating scale. */
  public static final float CENTER = 3f;

  public static final float HALF_RANGE = 2f;

  private final ModelShape shape;
  private final FusionFeatures features;
  private final FusionWeights weights;
  private final Objective objective;
  /** Unit movie vectors of the known movie rows, computed on first use (an unknown movie's each time). */
  private final AtomicReferenceArray<float[]> indexVectors;

  /** A model trained with the original demo's squared-error objective. */
  public FusionModel(ModelShape shape, FusionFeatures features, FusionWeights weights) {
    this(shape, features, weights, Objective.MSE);
  }

  public FusionModel(ModelShape shape, FusionFeatures features, FusionWeights weights, Objective objective) {
    this.objective = Objects.requireNonNull(objective, "objective");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.features = Objects.requireNonNull(features, "features");
    this.weights = Objects.requireNonNull(weights, "weights");
    if (shape.userRows() != features.users().rows() || shape.movieRows() != features.movies().rows()
        || shape.titleVocabulary() != features.titleWords().size() || shape.titleLength() != features.titleLength()) {
      throw new IllegalArgumentException("model shape " + shape + " does not fit the features " + features);
    }
    FusionWeights.of(shape, weights.all()); // validates every tensor's shape
    this.indexVectors = new AtomicReferenceArray<>(shape.movieRows());
  }

  public ModelShape shape() {
    return shape;
  }

  public FusionFeatures features() {
    return features;
  }

  public FusionWeights weights() {
    return weights;
  }

  @Override
  public Objective objective() {
    return objective;
  }

  @Override
  public Architecture architecture() {
    return Architecture.DEMO;
  }

  @Override
  public int dimension() {
    return shape.towerDim();
  }

  /** The unit user vector: the demo's towers read the id and demographics, not the profile's ratings. */
  @Override
  public float[] queryVector(UserProfile profile) {
    return Vectors.normalize(userVector(profile.user()));
  }

  /** The unit movie vector, so that inner products are the cosine the model scores with. */
  @Override
  public float[] indexVector(Movie movie) {
    int row = features.movieRow(movie);
    if (row == 0) {
      return Vectors.normalize(movieVector(movie));
    }
    float[] v = indexVectors.get(row);
    if (v == null) {
      v = Vectors.normalize(movieVector(movie));
      indexVectors.set(row, v); // a race computes the same vector twice, harmlessly
    }
    return v.clone();
  }

  @Override
  public boolean predictsStars() {
    return objective.predictsStars();
  }

  @Override
  public void predictStars(UserProfile profile, Movie[] movies, float[] out) {
    float[] u = queryVector(profile);
    for (int i = 0; i < movies.length; i++) {
      out[i] = predictsStars() ? toStars(Vectors.dot(u, indexVector(movies[i]))) : Float.NaN;
    }
  }

  public static float toStars(float cosine) {
    return CENTER + HALF_RANGE * cosine;
  }

  /** The user tower's output (not normalized). A new user, or one unseen in training, uses the unknown-user row. */
  public float[] userVector(User user) {
    float[] concat = new float[shape.userConcatDim()];
    int at = 0;
    at = put(concat, at, fc(row(USER_ID_EMB, features.userRow(user)), USER_ID_FC));
    at = put(concat, at, fc(row(GENDER_EMB, user.gender().code()), GENDER_FC));
    at = put(concat, at, fc(row(AGE_EMB, user.age().code()), AGE_FC));
    put(concat, at, fc(row(JOB_EMB, user.occupation().code()), JOB_FC));
    return tanh(fc(concat, USER_FC));
  }

  /** The movie tower's output (not normalized). A movie unseen in training uses the unknown-movie row. */
  @Override
  public float[] movieVector(Movie movie) {
    float[] concat = new float[shape.movieConcatDim()];
    int at = put(concat, 0, fc(row(MOVIE_ID_EMB, features.movieRow(movie)), MOVIE_ID_FC));
    float[] genres = new float[shape.genreDim()];
    for (Genre g : movie.genres()) {
      addInto(genres, row(GENRE_EMB, g.ordinal()));
    }
    at = put(concat, at, genres);
    put(concat, at, title(movie));
    return tanh(fc(concat, MOVIE_FC));
  }

  /**
   * Predicted rating in stars, 1..5, for a model trained to predict ratings ({@link Objective#MSE}); for a ranking
   * model the same mapping of its cosine, which is not a rating.
   */
  public float predict(User user, Movie movie) {
    return toStars(Vectors.cosine(userVector(user), movieVector(movie)));
  }

  private float[] title(Movie movie) {
    return Dense.titleCnn(weights.get(TITLE_EMB), weights.get(TITLE_CONV + W), weights.get(TITLE_CONV + B),
        features.titleIndices(movie), features.titleWordCount(movie));
  }

  private float[] row(String embedding, int row) {
    return Dense.row(weights.get(embedding), row);
  }

  private float[] fc(float[] x, String layer) {
    return Dense.fc(x, weights.get(layer + W), weights.get(layer + B));
  }

  private static float[] tanh(float[] x) {
    return Dense.tanh(x);
  }

  private static int put(float[] dst, int at, float[] src) {
    System.arraycopy(src, 0, dst, at, src.length);
    return at + src.length;
  }

  private static void addInto(float[] acc, float[] x) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += x[i];
    }
  }
}
