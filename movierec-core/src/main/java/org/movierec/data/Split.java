package org.movierec.data;

import java.util.Objects;

/** Ratings divided into a part to learn from and a part to evaluate on; each keeps the original row order. */
public record Split(Ratings train, Ratings test) {
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }
}
