package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The layer sizes of a two-tower model, of whichever {@link Architecture}; saved in the model's manifest with the
 * architecture's name beside the sizes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "architecture")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ModelShape.class, name = "demo"),
  @JsonSubTypes.Type(value = HistoryShape.class, name = "history")
})
public sealed interface TowerShape permits ModelShape, HistoryShape {
  /** Rows of the per-movie tables: known movies + 1. */
  int movieRows();
}
