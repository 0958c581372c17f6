package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.movierec.data.MovieLens;
import org.movierec.data.MovieLensData;
import org.movierec.data.RealData;
import org.movierec.recommend.EaseRecommender;
import org.movierec.recommend.EaseRecommender.FoldIn;
import org.movierec.recommend.ItemKnnRecommender;
import org.movierec.recommend.ItemKnnRecommender.Params;
import org.movierec.recommend.ItemKnnRecommender.Similarity;
import org.movierec.recommend.PopularityRecommender;
import org.movierec.recommend.Scorer;
import org.movierec.recommend.SegmentPopularityRecommender;
import org.movierec.recommend.StarWeights;

/**
 * How the few-shot settings of {@link EaseRecommender.FoldIn} and {@link ItemKnnRecommender} were chosen, as a
 * command anyone can rerun: on validation splits made from the <em>training users</em> of the seed-1 cold-start split
 * of MovieLens 1M (the users every seed-1 few-shot protocol trains on), never from its held-out users. Each validation
 * split is {@code Protocols.fewShot(coldStart(ml-1m, 1).train(), 5, seed)} for seeds {@link #VALIDATION_SEEDS}: 10% of
 * the 5,436 training users (544) are held out again and reveal 5 ratings, and the other 4,892 train. Every setting is
 * scored by its NDCG@10 averaged over the seeds; the table is printed best first, and the test checks that each
 * recommender's defaults are within {@value #TOLERANCE} of the best setting of its grid (the validation noise is
 * larger than that).
 *
 * <p>Not part of the build (the name ends in neither Test nor IT); run it with {@code ./mvnw -q -pl movierec-core test
 * -Dtest=FewShotTuning -Dsurefire.failIfNoSpecifiedTests=false}: about 11 minutes on 2 shared cores, mostly EASE's
 * inversions. The figures it printed are in the Javadoc of the defaults.
 */
class FewShotTuning {
  static final long[] VALIDATION_SEEDS = {2, 3};
  static final int REVEALED = 5;
  static final double TOLERANCE = 0.002;

  static final double[] EASE_LAMBDAS = {500, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000};
  static final Map<String, StarWeights> WEIGHTS = weights();
  static final double[] PRIORS = {0, 0.02, 0.05, 0.1, 0.2, 0.5, 1};
  static final int[] KNN_K = {10, 20, 50, 100, 200, 500, 1000, 2000, 4000};

  private static MovieLensData data;
  private static final List<ProtocolSplit> splits = new ArrayList<>();

  private static Map<String, StarWeights> weights() {
    Map<String, StarWeights> w = new LinkedHashMap<>();
    w.put("equal (1,1,1,1,1)", StarWeights.EQUAL);
    w.put("liked (0,0,0,1,1)", new StarWeights(0, 0, 0, 1, 1));
    w.put("centred (-2,-1,0,1,2)", new StarWeights(-2, -1, 0, 1, 2));
    w.put("stars-1 (0,1,2,3,4)", new StarWeights(0, 1, 2, 3, 4));
    w.put("stars (1,2,3,4,5)", StarWeights.STARS);
    w.put("stars+1 (2,3,4,5,6)", new StarWeights(2, 3, 4, 5, 6));
    w.put("squares (1,4,9,16,25)", new StarWeights(1, 4, 9, 16, 25));
    return w;
  }

  @BeforeAll
  static void load() {
    data = MovieLens.load(RealData.ml1m());
    ProtocolSplit coldStart = Protocols.coldStart(data.ratings(), 1);
    for (long seed : VALIDATION_SEEDS) {
      ProtocolSplit split = Protocols.fewShot(coldStart.train(), REVEALED, seed);
      splits.add(split);
      System.out.println("validation split: " + split.summary());
    }
  }

  /** NDCG@10 by setting, averaged over the validation splits; each split's scorers come from {@code fit}. */
  private static Map<String, Double> measure(Function<ProtocolSplit, Map<String, Scorer>> fit) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (ProtocolSplit split : splits) {
      fit.apply(split).forEach((setting, scorer) -> means.merge(setting,
          Evaluator.evaluate(split, data.users(), scorer).metric("NDCG@10") / splits.size(), Double::sum));
    }
    return means;
  }

  private static void print(String title, Map<String, Double> results, Map<String, Double> references) {
    System.out.println("== " + title + " (few-shot-" + REVEALED + " validation, NDCG@10, mean of seeds 2 and 3)");
    references.forEach((name, v) -> System.out.printf(Locale.ROOT, "   %.4f  %s%n", v, name));
    results.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> System.out.printf(Locale.ROOT, "   %.4f  %s%n", e.getValue(), e.getKey()));
  }

  private static Map<String, Double> references() {
    return measure(split -> {
      Map<String, Scorer> m = new LinkedHashMap<>();
      m.put("popularity", PopularityRecommender.byRatings(split.train()));
      m.put("segment-popularity", SegmentPopularityRecommender.fit(split.train(), data.users()));
      return m;
    });
  }

  private static String easeSetting(double lambda, String weights, double prior) {
    return String.format(Locale.ROOT, "ease fold-in lambda %,7.0f  %-22s prior %.2f", lambda, weights, prior);
  }

  @Test
  void ease_fold_in_defaults_are_the_best_measured_on_validation() {
    Map<String, Double> results = measure(split -> {
      Map<String, Scorer> m = new LinkedHashMap<>();
      EaseRecommender fitted = null;
      for (double lambda : EASE_LAMBDAS) {
        fitted = fitted == null ? EaseRecommender.fit(split.train(), EaseRecommender.DEFAULT_LAMBDA,
            FoldIn.plain(lambda)) : fitted.withFoldIn(FoldIn.plain(lambda));
        for (Map.Entry<String, StarWeights> w : WEIGHTS.entrySet()) {
          for (double prior : PRIORS) {
            m.put(easeSetting(lambda, w.getKey(), prior), fitted.withFoldIn(new FoldIn(lambda, w.getValue(), prior)));
          }
        }
      }
      return m;
    });
    print("EASE fold-in", results, references());

    FoldIn d = FoldIn.defaults();
    String defaults = easeSetting(d.lambda(), WEIGHTS.entrySet().stream()
        .filter(e -> e.getValue().equals(d.starWeights())).findFirst().orElseThrow().getKey(), d.popularityPrior());
    double best = results.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(results.get(defaults)).as("%s against the best, %.4f", defaults, best).isGreaterThan(best - TOLERANCE);
  }

  private static String knnSetting(Similarity similarity, int k, String weights) {
    return String.format(Locale.ROOT, "item-knn %-6s k %4d  %s", similarity.name().toLowerCase(Locale.ROOT), k,
        weights);
  }

  @Test
  void item_knn_defaults_are_the_best_measured_on_validation() {
    Map<String, Double> results = measure(split -> {
      Map<String, Scorer> m = new LinkedHashMap<>();
      for (Similarity similarity : Similarity.values()) {
        int largest = KNN_K[KNN_K.length - 1];
        ItemKnnRecommender fitted = ItemKnnRecommender.fit(split.train(),
            new Params(largest, similarity, StarWeights.EQUAL));
        for (int k : KNN_K) {
          for (Map.Entry<String, StarWeights> w : WEIGHTS.entrySet()) {
            m.put(knnSetting(similarity, k, w.getKey()), fitted.with(new Params(k, similarity, w.getValue())));
          }
        }
      }
      return m;
    });
    print("item kNN", results, references());

    Params d = Params.defaults();
    String defaults = knnSetting(d.similarity(), d.k(), WEIGHTS.entrySet().stream()
        .filter(e -> e.getValue().equals(d.history())).findFirst().orElseThrow().getKey());
    double best = results.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(results.get(defaults)).as("%s against the best, %.4f", defaults, best).isGreaterThan(best - TOLERANCE);
  }
}
