package org.movierec.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every published figure the report sets beside ours, in one place, each with its source. Figures are on MovieLens
 * 1M under the setup the source names, which is close to, but not the same as, our protocol of that name.
 */
public final class Anchors {
  static final String SURPRISE = "Surprise's benchmark table (5-fold cross-validation, default parameters)";
  static final String TUNED_MF = "published figure for a tuned biased MF (random 90/10 split)";
  static final String GLOCAL_K = "GLocal-K, Han et al., CIKM 2021 (random 90/10 split); state of the art";
  static final String RECBOLE = "RecBole's ml-1m benchmark (ratings >= 3, random 80/10/10 per user, full ranking)";
  static final String NCF_PAPER = "He et al., Neural Collaborative Filtering, WWW 2017, and its reproductions (leave"
      + " the latest out, 99 sampled negatives)";
  static final String FEW_SHOT_NOTE = "No published figure uses this split (cold-start's users, each revealing a few"
      + " ratings): compare with EASE and item kNN folding the same ratings in, and with segment popularity, run here.";
  static final String DACREMA = "Ferrari Dacrema et al., RecSys 2019, on the NCF paper's ml-1m split";

  private static final List<Anchor> ALL = List.of(
      Anchor.of("rating", "SVD (Surprise)", "RMSE", 0.873, SURPRISE),
      Anchor.of("rating", "SVD (Surprise)", "MAE", 0.686, SURPRISE),
      Anchor.of("rating", "SVD++ (Surprise)", "RMSE", 0.862, SURPRISE),
      Anchor.of("rating", "SVD++ (Surprise)", "MAE", 0.673, SURPRISE),
      Anchor.of("rating", "biased MF, tuned", "RMSE", 0.843, TUNED_MF),
      Anchor.of("rating", "GLocal-K", "RMSE", 0.822, GLOCAL_K),
      Anchor.of("ranking", "EASE (RecBole)", "Recall@10", 0.214, RECBOLE),
      Anchor.of("ranking", "EASE (RecBole)", "NDCG@10", 0.287, RECBOLE),
      new Anchor("ncf", "NeuMF", "HR@10", 0.701, 0.726, NCF_PAPER),
      new Anchor("ncf", "NeuMF", "NDCG@10", 0.425, 0.445, NCF_PAPER),
      Anchor.of("ncf", "PureSVD", "HR@10", 0.690, DACREMA),
      Anchor.of("ncf", "PureSVD", "NDCG@10", 0.429, DACREMA));

  private static final Map<String, String> NOTES = Map.of(
      "rating", "Published on other random splits of the same ratings: they set the scale, not a like-for-like"
          + " comparison.",
      "ranking", "RecBole's protocol is the one this protocol reproduces (our EASE lands within 0.005 of it).",
      "ncf", "The NCF paper's protocol; its test users are all 6,040 users, ours those whose ratings have timestamps.",
      "cold-start", "No published figure uses this split: the target is relative to the popularity baselines run"
          + " here.",
      "few-shot-1", FEW_SHOT_NOTE,
      "few-shot-3", FEW_SHOT_NOTE,
      "few-shot-5", FEW_SHOT_NOTE,
      "few-shot-10", FEW_SHOT_NOTE);

  private Anchors() {}

  /** Every anchor, grouped by protocol in report order. */
  public static List<Anchor> all() {
    return ALL;
  }

  /** The anchors of one protocol, in order; empty if it has none. */
  public static List<Anchor> of(String protocol) {
    return ALL.stream().filter(a -> a.protocol().equals(protocol)).toList();
  }

  /** What a reader should know about the protocol's anchors; empty if nothing. */
  public static String note(String protocol) {
    return NOTES.getOrDefault(protocol, "");
  }

  /** The protocol's anchors by model, in order of first appearance: model to metric to anchor. */
  static Map<String, Map<String, Anchor>> byModel(String protocol) {
    Map<String, Map<String, Anchor>> out = new LinkedHashMap<>();
    for (Anchor a : of(protocol)) {
      out.computeIfAbsent(a.model(), m -> new LinkedHashMap<>()).put(a.metric(), a);
    }
    return out;
  }

  /** The metrics the protocol's anchors give, in order of first appearance. */
  static List<String> metrics(String protocol) {
    List<String> out = new ArrayList<>();
    for (Anchor a : of(protocol)) {
      if (!out.contains(a.metric())) {
        out.add(a.metric());
      }
    }
    return out;
  }
}
