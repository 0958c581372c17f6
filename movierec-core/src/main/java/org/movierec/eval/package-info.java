/**
 * Evaluation: the metrics ({@link org.movierec.eval.Metrics} for rankings, {@link org.movierec.eval.RatingMetrics}
 * for predicted stars), the four protocols of {@link org.movierec.eval.Protocols} (each a pure function of data and
 * seed that says its split, relevance rule and candidates), and the {@link org.movierec.eval.Evaluator} that runs any
 * {@link org.movierec.recommend.Scorer} through a protocol and returns {@link org.movierec.eval.Results}. Timestamps
 * for the leave-latest-out protocol can be attached from a separate file with {@link org.movierec.eval.Timestamps}.
 */
package org.movierec.eval;
