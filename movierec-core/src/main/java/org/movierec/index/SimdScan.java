package org.movierec.index;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantizedColumns#approximateScores} with the JDK's Vector API ({@code jdk.incubator.vector}): a block of
 * movies' float sums stays in vector registers while the weights go by, each code widened to float and added by a
 * fused multiply-add in index order, as the plain loop adds it. Loaded only when the JVM was started with {@code
 * --add-modules jdk.incubator.vector} ({@link QuantizedColumns#SIMD}).
 */
final class SimdScan {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 4));
  private static final int LANES = FLOATS.length();
  private static final int BLOCK = 4 * LANES;

  private SimdScan() {}

  /**
   * {@code sums[i] = Σ_j weights[j] * codes[j * n + i]} in float, fused, in order of j, for {@code i < n}; rows past
   * the last whole block (none when {@code n} is a multiple of 64) the plain way.
   */
  static void scores(float[] weights, byte[] codes, int n, float[] sums) {
    int i = 0;
    for (; i + BLOCK <= n; i += BLOCK) {
      FloatVector a0 = FloatVector.zero(FLOATS);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int j = 0, at = i; j < weights.length; j++, at += n) {
        FloatVector w = FloatVector.broadcast(FLOATS, weights[j]);
        a0 = widen(codes, at).fma(w, a0);
        a1 = widen(codes, at + LANES).fma(w, a1);
        a2 = widen(codes, at + 2 * LANES).fma(w, a2);
        a3 = widen(codes, at + 3 * LANES).fma(w, a3);
      }
      a0.intoArray(sums, i);
      a1.intoArray(sums, i + LANES);
      a2.intoArray(sums, i + 2 * LANES);
      a3.intoArray(sums, i + 3 * LANES);
    }
    for (; i < n; i++) {
      float sum = 0;
      for (int j = 0, at = i; j < weights.length; j++, at += n) {
        sum = Math.fma(weights[j], codes[at], sum);
      }
      sums[i] = sum;
    }
  }

  private static FloatVector widen(byte[] codes, int at) {
    return (FloatVector) ByteVector.fromArray(BYTES, codes, at).convertShape(VectorOperators.B2F, FLOATS, 0);
  }
}
