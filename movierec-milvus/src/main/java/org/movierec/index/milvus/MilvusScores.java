package org.movierec.index.milvus;

/** From what Milvus reports to the scores of {@link org.movierec.index.VectorIndex}. */
final class MilvusScores {
  private MilvusScores() {}

  /**
   * The score of a movie from the score Milvus returns for it under the {@code IP} metric. Milvus reports the inner
   * product itself there, higher meaning more similar (its documentation of metric types: "IP: inner product, sum(a_i *
   * b_i); larger is more similar"), the same scale as {@link org.movierec.index.Neighbor#score()}, so the value passes
   * unchanged; another metric (L2 distances, smaller is better) would need a conversion here.
   *
   * @throws IllegalStateException when Milvus returned no score or NaN
   */
  static float fromInnerProduct(Float milvusScore) {
    if (milvusScore == null || milvusScore.isNaN()) {
      throw new IllegalStateException("Milvus returned no inner product for a search hit, got: " + milvusScore);
    }
    return milvusScore;
  }
}
