package org.movierec.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.model.Tensor;

/** The differentiable building blocks both networks share, as DJL operations; results belong to the inputs' manager. */
final class DjlOps {
  private DjlOps() {}

  /** Rows of an embedding table, as an array shaped like {@code indexes} plus the embedding width. */
  static NDArray embed(NDArray table, NDArray indexes) {
    return table.get(indexes.getManager(), new NDIndex("{}", indexes));
  }

  /** {@code x W + b}. */
  static NDArray fc(NDArray x, NDArray w, NDArray b) {
    return x.matMul(w).add(b);
  }

  /**
   * Text CNN: centred window of 3 over the padded title, a fully connected layer, tanh, max over the title's words
   * (the plain-Java {@code Dense.titleCnn}).
   *
   * @param paddedTitles word indexes with one padding position on each side {@code [N, len + 2]}
   * @param titleMask 1 where a word is, 0 on padding {@code [N, len]}
   */
  static NDArray titleCnn(NDArray embedding, NDArray convW, NDArray convB, NDArray paddedTitles, NDArray titleMask,
      int len) {
    NDArray words = embed(embedding, paddedTitles); // [N, len + 2, dim]
    List<NDArray> shifted = new ArrayList<>(3);
    for (int k = 0; k < 3; k++) {
      shifted.add(words.get(new NDIndex(":, {}:{}, :", k, k + len)));
    }
    NDArray windows = NDArrays.concat(new NDList(shifted), 2); // [N, len, 3 * dim]
    NDArray h = fc(windows, convW, convB).tanh(); // [N, len, filters]
    NDArray mask = titleMask.expandDims(2);
    NDArray masked = h.mul(mask).add(mask.sub(1f).mul(4f)); // padding positions fall to -4 < tanh
    return masked.max(new int[] {1});
  }

  /** A trainable array of the given shape and values. */
  static NDArray parameter(NDManager manager, float[] data, int[] dims) {
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = dims[i];
    }
    NDArray array = manager.create(data, new Shape(shape));
    array.setRequiresGradient(true);
    return array;
  }

  /** A copy of the parameters as plain-Java tensors, in their order. */
  static List<Tensor> tensors(Map<String, NDArray> params) {
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      long[] dims = e.getValue().getShape().getShape();
      int[] intDims = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        intDims[i] = Math.toIntExact(dims[i]);
      }
      tensors.add(new Tensor(e.getKey(), intDims, e.getValue().toFloatArray()));
    }
    return tensors;
  }

  /** Gaussian embeddings (sd 0.1), Xavier-uniform weights of {@code [in, out]} layers, zero biases. */
  static float[] initial(String name, int[] dims, SplittableRandom random, boolean isWeight, boolean isBias) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    float[] data = new float[n];
    if (isBias) {
      return data;
    }
    if (isWeight) {
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
}
