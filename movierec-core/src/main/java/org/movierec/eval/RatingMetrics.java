package org.movierec.eval;

/** Errors of predicted ratings, in stars. */
public final class RatingMetrics {
  private RatingMetrics() {}

  /**
   * The root mean squared error, {@code sqrt(sum((predicted - actual)^2) / n)}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public static double rmse(float[] predicted, int[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = (double) predicted[i] - actual[i];
      sum += e * e;
    }
    return Math.sqrt(sum / actual.length);
  }

  /**
   * The mean absolute error, {@code sum(|predicted - actual|) / n}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public static double mae(float[] predicted, int[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs((double) predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }

  private static void check(float[] predicted, int[] actual) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException(
          "need one prediction per rating, got " + predicted.length + " predictions for " + actual.length + " ratings");
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no ratings: the error of nothing is undefined");
    }
  }
}
