package org.movierec.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named block of weights, row-major. A fully connected layer's weight has shape {@code [in, out]} ({@code y = x W + b}).
 * The data array is owned by the tensor: callers must not change it.
 */
public record Tensor(String name, int[] shape, float[] data) {
  public Tensor {
    Objects.requireNonNull(name, "name");
    shape = shape.clone();
    long n = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("tensor " + name + " has a non-positive dimension: " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs " + n
          + " values, got: " + data.length);
    }
  }

  public int rows() {
    return shape[0];
  }

  public int cols() {
    return shape.length == 1 ? 1 : shape[shape.length - 1];
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
  }
}
