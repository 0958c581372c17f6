package org.movierec.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model directory holds, written last so that it only ever names complete files.
 *
 * @param formatVersion {@link ModelFiles#FORMAT_VERSION} of the writer
 * @param fingerprint identifies these weights; an index records it to prove which model it was built from
 * @param createdAt ISO-8601 instant
 * @param shape the architecture and its layer sizes
 * @param training the training settings, by name
 * @param dataChecksum SHA-256 of the data files trained on
 * @param trainRatings ratings trained on
 * @param testRatings ratings held out
 * @param testRmse RMSE in stars on the held-out ratings, null when none were held out
 * @param history one entry per epoch
 * @param files the file of each part ({@code weights}, {@code features}, {@code catalog}, {@code seen}), by part
 * @param sha256 SHA-256 of each file, by file name
 */
public record ModelManifest(
    int formatVersion,
    String fingerprint,
    String createdAt,
    TowerShape shape,
    Map<String, Object> training,
    String dataChecksum,
    int trainRatings,
    int testRatings,
    Double testRmse,
    List<EpochStats> history,
    Map<String, String> files,
    Map<String, String> sha256) {

  public ModelManifest {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(shape, "shape");
    training = training == null ? Map.of() : Map.copyOf(training);
    history = history == null ? List.of() : List.copyOf(history);
    files = files == null ? Map.of() : Map.copyOf(files);
    sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
  }
}
