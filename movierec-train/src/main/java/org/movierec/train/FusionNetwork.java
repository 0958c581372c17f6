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
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.model.FusionModel;
import org.movierec.model.FusionWeights;
import org.movierec.model.ModelShape;
import org.movierec.model.Tensor;

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
      NDArray array = manager.create(data, new Shape(toLong(e.getValue())));
      array.setRequiresGradient(true);
      params.put(e.getKey(), array);
    }
  }

  /** Gaussian embeddings (sd 0.1), Xavier-uniform FC weights, zero biases. */
  private static float[] initial(String name, int[] dims, SplittableRandom random) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    float[] data = new float[n];
    if (name.endsWith(B)) {
      return data;
    }
    if (name.endsWith(W)) {
      double limit = Math.sqrt(6.0 / (dims[0] + dims[1]));
      for (int i = 0; i < n; i++) {
        data[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    } else {
      for (int i = 0; i < n; i++) {
        data[i] = (float) (nextGaussian(random) * 0.1);
      }
    }
    return data;
  }

  private static double nextGaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
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
    int len = shape.titleLength();
    NDArray words = embed(b.paddedTitles(), TITLE_EMB); // [B, len + 2, dim]
    List<NDArray> shifted = new ArrayList<>(3);
    for (int k = 0; k < 3; k++) {
      shifted.add(words.get(new NDIndex(":, {}:{}, :", k, k + len)));
    }
    NDArray windows = NDArrays.concat(new NDList(shifted), 2); // [B, len, 3 * dim]
    NDArray h = fc(windows, TITLE_CONV).tanh(); // [B, len, filters]
    NDArray mask = b.titleMask().expandDims(2); // 1 where a word is, 0 on padding
    NDArray masked = h.mul(mask).add(mask.sub(1f).mul(4f)); // padding positions fall to -4 < tanh
    return masked.max(new int[] {1});
  }

  /** Rows of an embedding, as an array of the batch (indexes may be of any shape). */
  private NDArray embed(NDArray indexes, String embedding) {
    return params.get(embedding).get(indexes.getManager(), new NDIndex("{}", indexes));
  }

  private NDArray fc(NDArray x, String layer) {
    return x.matMul(params.get(layer + W)).add(params.get(layer + B));
  }

  /** A copy of the current weights as plain-Java tensors. */
  FusionWeights export() {
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      long[] dims = e.getValue().getShape().getShape();
      int[] intDims = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        intDims[i] = Math.toIntExact(dims[i]);
      }
      tensors.add(new Tensor(e.getKey(), intDims, e.getValue().toFloatArray()));
    }
    return FusionWeights.of(shape, tensors);
  }

  private static long[] toLong(int[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
