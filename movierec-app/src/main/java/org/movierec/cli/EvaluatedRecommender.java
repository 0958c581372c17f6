package org.movierec.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.movierec.model.Objective;
import org.movierec.train.FusionTrainer;
import org.movierec.train.HistoryConfig;
import org.movierec.train.HistoryTrainer;
import org.movierec.train.ModelTrainer;
import org.movierec.train.TrainingConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The recommenders {@code movierec evaluate} can run side by side, by their names in reports. */
enum EvaluatedRecommender {
  POPULARITY("popularity", "every movie by its number of ratings", null, false),
  MOST_LIKED("most-liked", "every movie by its number of ratings of 4 stars or more", null, false),
  SEGMENT_POPULARITY("segment-popularity", "the most liked movies of the user's age, gender and occupation", null,
      false),
  BIASED_MF("biased-mf", "matrix factorization with user and movie biases, trained on the stars", null, true),
  EASE("ease", "EASE, a closed-form item-to-item model of who rated what; folds a new user's ratings in", null,
      false),
  ITEM_KNN("item-knn", "item-based k nearest neighbours: movies like those the user rated (cosine)", null, false),
  FUSION_MSE("fusion-mse", "the demo's two towers trained on the stars (the original demo's model)", Objective.MSE,
      true),
  FUSION_RANKING("fusion-ranking", "the demo's two towers trained for ranking (softmax over the catalog)",
      Objective.RANKING, false),
  HISTORY("history", "the default two towers: users read from their rated movies and stars, ranking and stars"
      + " learned together", Objective.JOINT, true);

  private final String label;
  private final String description;
  private final Objective objective;
  private final boolean predictsStars;

  EvaluatedRecommender(String label, String description, Objective objective, boolean predictsStars) {
    this.label = label;
    this.description = description;
    this.objective = objective;
    this.predictsStars = predictsStars;
  }

  String label() {
    return label;
  }

  String description() {
    return description;
  }

  /** The objective of a two-tower model, trained by epochs; null for a baseline. */
  Objective objective() {
    return objective;
  }

  /** The learner of a two-tower model with its default settings; null for a baseline. */
  ModelTrainer trainer() {
    return switch (this) {
      case FUSION_MSE, FUSION_RANKING -> new FusionTrainer(TrainingConfig.defaults(objective));
      case HISTORY -> new HistoryTrainer(HistoryConfig.defaults());
      default -> null;
    };
  }

  /** Whether it predicts stars, so that the rating protocol applies. */
  boolean predictsStars() {
    return predictsStars;
  }

  static EvaluatedRecommender parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (EvaluatedRecommender r : values()) {
      if (r.label.equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown recommender '" + text + "'; valid: "
        + Arrays.stream(values()).map(EvaluatedRecommender::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label;
  }

  /** Reads a name; the error lists the valid ones. */
  static final class Converter implements ITypeConverter<EvaluatedRecommender> {
    @Override
    public EvaluatedRecommender convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The names, for help and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(EvaluatedRecommender::label).iterator();
    }
  }
}
