package org.movierec.model;

/**
 * The layer sizes of the history model ({@link HistoryModel}).
 *
 * @param movieRows rows of every per-movie table: known movies + 1 (row 0 is the learned "unknown movie")
 * @param titleVocabulary rows of the title-word embedding, padding (0) and unknown word (1) included
 * @param titleLength title words read per movie
 * @param historyDim width of the pooled history: each rated movie's embedding and star embedding
 * @param demographicDim gender, age and occupation embedding width
 * @param genreDim genre embedding width
 * @param titleDim title-word embedding width
 * @param titleFilters text-CNN filters
 * @param hiddenDim width of the user tower's hidden layer
 * @param towerDim width of the user and movie vectors before the folded bias
 * @param temperature 0 for a ranking score that is the plain inner product {@code u . v + b}; else the score is the
 *     cosine of u and v divided by the temperature, plus b (both vectors are normalised before the bias is folded in)
 * @param starFactors length of the fold-in factorization's vectors ({@link FoldInFactors}), the second star predictor
 * @param starRegularization the fold-in factorization's penalty on a user's vector, per rating
 * @param starBiasRegularization its penalty on a user's bias, per rating
 * @param neuralStarShare the predicted stars are this share of the star head's plus the rest of the fold-in
 *     factorization's, in [0, 1]
 */
public record HistoryShape(
    int movieRows,
    int titleVocabulary,
    int titleLength,
    int historyDim,
    int demographicDim,
    int genreDim,
    int titleDim,
    int titleFilters,
    int hiddenDim,
    int towerDim,
    float temperature,
    int starFactors,
    float starRegularization,
    float starBiasRegularization,
    float neuralStarShare) implements TowerShape {

  public HistoryShape {
    positive("movieRows", movieRows, 2);
    positive("titleVocabulary", titleVocabulary, 2);
    positive("titleLength", titleLength, 1);
    positive("historyDim", historyDim, 1);
    positive("demographicDim", demographicDim, 1);
    positive("genreDim", genreDim, 1);
    positive("titleDim", titleDim, 1);
    positive("titleFilters", titleFilters, 1);
    positive("hiddenDim", hiddenDim, 1);
    positive("towerDim", towerDim, 1);
    if (!(temperature >= 0) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be 0 (plain inner product) or positive, got: "
          + temperature);
    }
    positive("starFactors", starFactors, 1);
    if (!(starRegularization > 0) || !(starBiasRegularization > 0)) {
      throw new IllegalArgumentException("starRegularization and starBiasRegularization must be positive, got: "
          + starRegularization + " and " + starBiasRegularization);
    }
    if (!(neuralStarShare >= 0 && neuralStarShare <= 1)) {
      throw new IllegalArgumentException("neuralStarShare must be in [0, 1], got: " + neuralStarShare);
    }
  }

  /** How many numbers summarise the history beside the pooled embeddings: the mean centred stars and the count. */
  public static final int HISTORY_STATS = 2;

  /**
   * Width of the user tower's input: pooled history, its {@link #HISTORY_STATS} summary numbers, and the gender, age
   * and occupation embeddings.
   */
  public int userInputDim() {
    return historyDim + HISTORY_STATS + 3 * demographicDim;
  }

  /** Width of the movie tower's content features: genre sum + pooled title CNN. */
  public int contentDim() {
    return genreDim + titleFilters;
  }

  private static void positive(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got: " + value);
    }
  }
}
