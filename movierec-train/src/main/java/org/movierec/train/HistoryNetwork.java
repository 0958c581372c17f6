package org.movierec.train;

import static org.movierec.model.HistoryWeights.AGE_EMB;
import static org.movierec.model.HistoryWeights.B;
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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.model.HistoryShape;
import org.movierec.model.HistoryWeights;
import org.movierec.model.Weights;

/**
 * The history model's weights as DJL arrays and its forward pass as DJL operations: the same computation as {@link
 * org.movierec.model.HistoryModel}, differentiable, for a batch of users against the whole catalog at once. Lives only
 * inside a training run; every array belongs to the manager given at construction.
 */
final class HistoryNetwork {
  private final HistoryShape shape;
  private final Map<String, NDArray> params = new LinkedHashMap<>();
  private final float coldWeight;

  /**
   * @param meanStars the training ratings' mean, where the star head starts
   */
  HistoryNetwork(NDManager manager, HistoryShape shape, long seed, float meanStars, float coldWeight) {
    this.shape = shape;
    this.coldWeight = coldWeight;
    SplittableRandom random = new SplittableRandom(seed);
    for (Map.Entry<String, int[]> e : HistoryWeights.network(shape).entrySet()) {
      String name = e.getKey();
      boolean perMovieBias = name.equals(MOVIE_BIAS) || name.equals(MOVIE_STARS_BIAS);
      float[] data = DjlOps.initial(name, e.getValue(), random, name.endsWith(W), name.endsWith(B) || perMovieBias);
      if (name.equals(GLOBAL_STARS)) {
        data[0] = meanStars;
      }
      params.put(name, DjlOps.parameter(manager, data, e.getValue()));
    }
  }

  Map<String, NDArray> parameters() {
    return params;
  }

  /**
   * The losses of a batch: the ranking loss (softmax over the catalog), the squared error of the stars, and the cold
   * ranking loss (null when its weight is 0).
   */
  record Losses(NDArray ranking, NDArray stars, NDArray cold) {}

  /**
   * Both losses for a batch of users. The ranking loss is, for each user, the mean over the user's targets of minus
   * the log of the softmax, over every catalog movie but the user's input movies (and the unknown row), of the target
   * movie's score, then the mean over the users: each drawn user weighs the same, however many targets the draw left
   * (which favours the draws with a long history, as known users have). The star loss is the mean squared error of
   * the star head over every target rating of the batch. The cold loss is the ranking loss of the same users read
   * from their demographics alone (no history), over every movie they rated: it trains the new user's query on every
   * user of every batch, not only on the few draws left without history.
   */
  Losses losses(HistoryBatch batch, MovieContent catalog) {
    NDArray z = hidden(batch);
    NDArray v = movieVectors(catalog); // [M, D]
    // what the user vectors are multiplied with: the unit movie vectors over the temperature, or the raw ones
    NDArray scored = (shape.temperature() > 0 ? unit(v).div(shape.temperature()) : v).transpose();
    NDArray u = DjlOps.fc(z, params.get(USER_OUT + W), params.get(USER_OUT + B));
    NDArray logits = rankingScores(u, scored).sub(batch.blocked().mul(1e4f)); // [B, M]
    NDArray ranking = softmaxLoss(logits, batch.targets());
    NDArray cold = null;
    if (coldWeight > 0) { // the same users known by their demographics alone must find every movie they rated
      NDArray coldZ = hidden(batch, batch.historyStats().zerosLike(), true);
      NDArray coldU = DjlOps.fc(coldZ, params.get(USER_OUT + W), params.get(USER_OUT + B));
      NDArray coldLogits = rankingScores(coldU, scored);
      cold = softmaxLoss(coldLogits.sub(unknownRow(coldLogits)), batch.allTargets());
    }
    NDArray stars = DjlOps.fc(z, params.get(USER_STARS + W), params.get(USER_STARS + B))
        .matMul(v.add(params.get(MOVIE_STARS_EMB)).transpose())
        .add(DjlOps.fc(z, params.get(USER_STARS_BIAS + W), params.get(USER_STARS_BIAS + B)))
        .add(params.get(MOVIE_STARS_BIAS))
        .add(params.get(GLOBAL_STARS));
    NDArray rated = batch.stars().gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    NDArray error = stars.sub(batch.stars()).square().mul(rated).sum().div(rated.sum());
    return new Losses(ranking, error, cold);
  }

  /**
   * The ranking score of every user against every movie row, {@code [B, M]}: the cosine over the temperature (or the
   * inner product) plus the movie bias.
   *
   * @param scored the movie vectors as {@link #losses} prepares them, {@code [D, M]}
   */
  private NDArray rankingScores(NDArray u, NDArray scored) {
    return (shape.temperature() > 0 ? unit(u) : u).matMul(scored).add(params.get(MOVIE_BIAS));
  }

  /** 1e4 at the unknown row 0 of each row of {@code logits}, 0 elsewhere. */
  private static NDArray unknownRow(NDArray logits) {
    NDArray mask = logits.zerosLike();
    mask.set(new ai.djl.ndarray.index.NDIndex(":, 0"), 1e4f);
    return mask;
  }

  /** The mean over users of the weighted mean over their targets of minus the log softmax. */
  private static NDArray softmaxLoss(NDArray logits, NDArray targets) {
    return logits.logSoftmax(1).mul(targets).sum(new int[] {1})
        .div(targets.sum(new int[] {1}).add(1e-8f)).mean().neg();
  }

  private static NDArray unit(NDArray x) {
    return x.div(x.norm(new int[] {1}, true).add(1e-8f));
  }

  /** The user tower's hidden layer for each user of the batch, {@code [B, hidden]}. */
  private NDArray hidden(HistoryBatch b) {
    return hidden(b, b.historyStats(), false);
  }

  private NDArray hidden(HistoryBatch b, NDArray stats, boolean empty) {
    NDArray pooled = empty
        ? b.historyWeights().getManager().zeros(new ai.djl.ndarray.types.Shape(b.genders().size(), shape.historyDim()))
        : b.historyWeights().matMul(params.get(HISTORY_EMB))
        .add(b.historyStars().matMul(params.get(HISTORY_STARS))); // [B, historyDim]
    NDArray input = NDArrays.concat(new NDList(pooled, stats,
        DjlOps.embed(params.get(GENDER_EMB), b.genders()),
        DjlOps.embed(params.get(AGE_EMB), b.ages()),
        DjlOps.embed(params.get(JOB_EMB), b.jobs())), 1);
    return DjlOps.fc(input, params.get(USER_HIDDEN + W), params.get(USER_HIDDEN + B)).tanh();
  }

  /** The movie vector of every catalog row, unknown row included, {@code [M, D]}. */
  private NDArray movieVectors(MovieContent c) {
    NDArray genres = c.genreMultiHot().matMul(params.get(GENRE_EMB));
    NDArray title = DjlOps.titleCnn(params.get(TITLE_EMB), params.get(TITLE_CONV + W), params.get(TITLE_CONV + B),
        c.paddedTitles(), c.titleMask(), shape.titleLength());
    NDArray content = DjlOps.fc(NDArrays.concat(new NDList(genres, title), 1), params.get(MOVIE_CONTENT + W),
        params.get(MOVIE_CONTENT + B));
    return content.add(params.get(MOVIE_ID_EMB));
  }

  /** A copy of the current weights as plain-Java tensors. */
  Weights export() {
    return Weights.of(HistoryWeights.network(shape), DjlOps.tensors(params));
  }
}
