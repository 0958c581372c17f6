package org.movierec.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tensors checked against a layout: every tensor the layout names, each with its shape, nothing else, kept in
 * layout order. Immutable.
 */
public final class Weights {
  private final Map<String, Tensor> tensors;

  private Weights(Map<String, Tensor> tensors) {
    this.tensors = tensors;
  }

  /**
   * Checks that the tensors are exactly those of the layout, each with its shape.
   *
   * @throws IllegalArgumentException listing every missing, misshapen, duplicate or unexpected tensor
   */
  public static Weights of(Map<String, int[]> layout, List<Tensor> tensors) {
    Map<String, Tensor> byName = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("tensor " + t.name() + " appears twice");
      }
    }
    Map<String, Tensor> ordered = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, int[]> e : layout.entrySet()) {
      Tensor t = byName.remove(e.getKey());
      if (t == null) {
        problems.add("missing " + e.getKey());
      } else if (!Arrays.equals(t.shape(), e.getValue())) {
        problems.add(e.getKey() + " has shape " + Arrays.toString(t.shape()) + ", expected "
            + Arrays.toString(e.getValue()));
      } else {
        ordered.put(e.getKey(), t);
      }
    }
    byName.keySet().forEach(n -> problems.add("unexpected " + n));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("weights do not fit the model shape: " + String.join("; ", problems));
    }
    return new Weights(ordered);
  }

  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no tensor named " + name + "; have: " + tensors.keySet());
    }
    return t;
  }

  /** All tensors in layout order. */
  public List<Tensor> all() {
    return List.copyOf(tensors.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Weights w && tensors.equals(w.tensors);
  }

  @Override
  public int hashCode() {
    return tensors.hashCode();
  }
}
