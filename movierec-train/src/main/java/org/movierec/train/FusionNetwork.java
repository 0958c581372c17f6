package org.movierec.train;

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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.model.FusionModel;
import org.movierec.model.FusionWeights;
import org.movierec.model.ModelShape;

/**
 * The fusion model's weights as DJL arrays, and its forward pass as DJL operations: the same computation as
 * {@link FusionModel}, differentiable. Lives only inside a training run; every array belongs to the manager given at
 * construction. Results of a forward pass belong to the batch's manager, so closing it frees them.
 */
final class FusionNetwork {
  private final ModelShape shape;
  private final Map<String, NDArray> params = new LinkedHashMap<>();

  FusionNetwork(NDManager manager, ModelShape shape, long seed) {
    this.shape = shape;
    SplittableRandom random = new SplittableRandom(seed);
    for (Map.Entry<String, int[]> e : FusionWeights.layout(shape).entrySet()) {
      float[] data = initial(e.getKey(), e.getValue(), random);
      params.put(e.getKey(), DjlOps.parameter(manager, data, e.getValue()));
    }
  }

  private static float[] initial(String name, int[] dims, SplittableRandom random) {
    return DjlOps.initial(name, dims, random, name.endsWith(W), name.endsWith(B));
  }

  Map<String, NDArray> parameters() {
    return params;
  }

  /** Names of the id embeddings, the tensors weight decay applies to. */
  static List<String> idEmbeddings() {
    return List.of(USER_ID_EMB, MOVIE_ID_EMB);
  }

  /** Predicted stars for each rating of the batch, shape {@code [B]}. */
  NDArray predict(TrainingBatch batch) {
    NDArray u = userTower(batch.users());
    NDArray m = movieTower(batch.movies());
    NDArray dot = u.mul(m).sum(new int[] {1});
    NDArray norms = u.norm(new int[] {1}).mul(m.norm(new int[] {1})).add(1e-8f);
    return dot.div(norms).mul(FusionModel.HALF_RANGE).add(FusionModel.CENTER);
  }

  /**
   * The ranking objective's loss: for each rating of the batch, the softmax over the given catalog of cosine /
   * temperature, cross-entropy against the rated movie ({@code targets[i]} is its position in the catalog). Mean over
   * the batch.
   */
  NDArray rankingLoss(TrainingBatch.UserInputs users, TrainingBatch.MovieInputs catalog, NDArray targets,
      float temperature) {
    NDArray u = unit(userTower(users)); // [B, D]
    NDArray m = unit(movieTower(catalog)); // [M, D]
    NDArray logits = u.matMul(m.transpose()).div(temperature); // [B, M]
    return logits.logSoftmax(1).gather(targets.reshape(-1, 1), 1).neg().mean();
  }

  /**
   * The ranking objective's loss with sampled negatives: for each rating of the batch, the softmax over its own movie
   * and {@code K} movies drawn uniformly from the {@code N}-movie catalog, shared by the batch. The negatives' logits
   * are raised by {@code log((N - 1) / K)} so that their sum estimates that of the whole catalog's; a negative that is
   * the rating's own movie ({@code hits[i][k] = 1}) is left out.
   */
  NDArray sampledRankingLoss(TrainingBatch.UserInputs users, TrainingBatch.MovieInputs positives,
      TrainingBatch.MovieInputs negatives, NDArray hits, float temperature, float logCorrection) {
    NDArray u = unit(userTower(users)); // [B, D]
    NDArray p = unit(movieTower(positives)); // [B, D]
    NDArray n = unit(movieTower(negatives)); // [K, D]
    NDArray positive = u.mul(p).sum(new int[] {1}, true).div(temperature); // [B, 1]
    NDArray negative = u.matMul(n.transpose()).div(temperature).add(logCorrection).sub(hits.mul(1e4f)); // [B, K]
    NDArray logits = NDArrays.concat(new NDList(positive, negative), 1);
    return logits.logSoftmax(1).get(new NDIndex(":, 0")).neg().mean();
  }

  /** The sum over the batch of the squared id-embedding rows it used, for L2 regularisation. */
  NDArray idEmbeddingSquares(TrainingBatch batch) {
    NDArray u = embed(batch.users().userRows(), USER_ID_EMB);
    NDArray m = embed(batch.movies().movieRows(), MOVIE_ID_EMB);
    return u.square().sum().add(m.square().sum());
  }

  private static NDArray unit(NDArray x) {
    return x.div(x.norm(new int[] {1}, true).add(1e-8f));
  }

  private NDArray userTower(TrainingBatch.UserInputs b) {
    NDArray id = fc(embed(b.userRows(), USER_ID_EMB), USER_ID_FC);
    NDArray gender = fc(embed(b.genders(), GENDER_EMB), GENDER_FC);
    NDArray age = fc(embed(b.ages(), AGE_EMB), AGE_FC);
    NDArray job = fc(embed(b.jobs(), JOB_EMB), JOB_FC);
    return fc(NDArrays.concat(new NDList(id, gender, age, job), 1), USER_FC).tanh();
  }

  private NDArray movieTower(TrainingBatch.MovieInputs b) {
    NDArray id = fc(embed(b.movieRows(), MOVIE_ID_EMB), MOVIE_ID_FC);
    NDArray genres = b.genreMultiHot().matMul(params.get(GENRE_EMB));
    NDArray title = title(b);
    return fc(NDArrays.concat(new NDList(id, genres, title), 1), MOVIE_FC).tanh();
  }

  /** Text CNN: centred window of 3 over the padded title, tanh, max over the title's words. */
  private NDArray title(TrainingBatch.MovieInputs b) {
    return DjlOps.titleCnn(params.get(TITLE_EMB), params.get(TITLE_CONV + W), params.get(TITLE_CONV + B),
        b.paddedTitles(), b.titleMask(), shape.titleLength());
  }

  /** Rows of an embedding, as an array of the batch (indexes may be of any shape). */
  private NDArray embed(NDArray indexes, String embedding) {
    return DjlOps.embed(params.get(embedding), indexes);
  }

  private NDArray fc(NDArray x, String layer) {
    return DjlOps.fc(x, params.get(layer + W), params.get(layer + B));
  }

  /** A copy of the current weights as plain-Java tensors. */
  FusionWeights export() {
    return FusionWeights.of(shape, DjlOps.tensors(params));
  }
}
