package org.movierec.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;
import org.movierec.eval.Protocols;

class TargetsTest {
  @Test
  void judges_the_lowest_error_of_the_contenders_against_a_fixed_bound() {
    Verdict v = Targets.judge(Target.atMost("rmse", "rating", "RMSE", 0.845, "fusion-mse", "biased-mf"),
        List.of(ReportFixture.rating()));
    assertThat(v.status()).isEqualTo(Verdict.Status.MET);
    assertThat(v.recommender()).isEqualTo("biased-mf");
    assertThat(v.value()).isEqualTo(0.8386);
    assertThat(v.threshold()).isEqualTo(0.845);
    assertThat(v.text()).isEqualTo("met (biased-mf 0.8386 <= 0.845)");
  }

  @Test
  void a_miss_gives_the_figure_and_the_bound() {
    Verdict v = Targets.judge(Target.atLeast("hr", "cold-start", "NDCG@10", 0.5, "fusion-ranking"),
        List.of(ReportFixture.coldStart()));
    assertThat(v.status()).isEqualTo(Verdict.Status.MISSED);
    assertThat(v.text()).isEqualTo("MISSED (fusion-ranking 0.4600 vs >= 0.5)");
  }

  @Test
  void a_relative_bound_is_the_factor_times_the_best_reference() {
    Verdict v = Targets.judge(Target.atLeastTimes("cold", "cold-start", "NDCG@10", 1.2,
        Targets.POPULARITY_BASELINES, "fusion-mse", "fusion-ranking"), List.of(ReportFixture.coldStart()));
    assertThat(v.threshold()).isCloseTo(1.2 * 0.4161, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(v.text()).isEqualTo("MISSED (fusion-ranking 0.4600 vs >= 0.4993 = 1.20 x segment-popularity 0.4161)");
  }

  @Test
  void is_not_evaluated_when_a_contender_reference_or_protocol_is_missing() {
    Section rating = ReportFixture.rating();
    assertThat(Targets.judge(Target.atMost("t", "rating", "RMSE", 1, "fusion-ranking"), List.of(rating)).text())
        .isEqualTo("not evaluated: fusion-ranking did not run on rating");
    assertThat(Targets.judge(Target.atLeastTimes("t", "ranking", "NDCG@10", 1, List.of("slim"), "ease"),
        List.of(ReportFixture.ranking())).text()).isEqualTo("not evaluated: needs slim on ranking, which did not run");
    assertThat(Targets.judge(Target.atLeast("t", "ncf", "HR@10", 0.7, "ease"), List.of(rating)).status())
        .isEqualTo(Verdict.Status.NOT_EVALUATED);
    assertThat(Targets.judge(Target.atLeast("t", "ncf", "HR@10", 0.7, "ease"),
        List.of(Section.skipped(Protocols.NCF, "no timestamps"))).text())
        .isEqualTo("not evaluated: the ncf protocol was skipped");
  }

  @Test
  void a_target_needs_a_bound_or_references_but_not_both() {
    assertThatThrownBy(() -> new Target("t", "ncf", "HR@10", List.of("a"), false, 0.5, List.of("b"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either a fixed bound or references");
  }

  @Test
  void the_issue_targets_are_judged_on_the_history_model() {
    // The fixture's fusion-mse rating row (RMSE 0.8612) and fusion-ranking ranking (0.2200 / 0.2800) and cold-start
    // (0.4600) rows, renamed history.
    List<Section> sections = List.of(
        renamed(ReportFixture.rating(), "fusion-mse"),
        renamed(ReportFixture.ranking(), "fusion-ranking"),
        renamed(ReportFixture.coldStart(), "fusion-ranking"));
    List<Verdict> verdicts = Targets.judge(sections);
    assertThat(verdicts).extracting(Verdict::status).containsExactly(Verdict.Status.MISSED, Verdict.Status.MET,
        Verdict.Status.MISSED, Verdict.Status.NOT_EVALUATED, Verdict.Status.NOT_EVALUATED, Verdict.Status.MET,
        Verdict.Status.MET, Verdict.Status.NOT_EVALUATED, Verdict.Status.NOT_EVALUATED);
    assertThat(verdicts.get(2).text()).isEqualTo("MISSED (history 0.2800 vs >= 0.2838 (ease))");
    assertThat(verdicts.get(6).text())
        .isEqualTo("met (history 0.4600 >= 0.4577 = 1.10 x segment-popularity 0.4161)");
    assertThat(verdicts.get(7).text()).isEqualTo("not evaluated: the few-shot-5 protocol did not run");
  }

  /** The section with one recommender's rows renamed {@code history}, the other rows as they are. */
  private static Section renamed(Section s, String recommender) {
    List<Row> rows = s.rows().stream().map(r -> r.recommender().equals(recommender)
        ? new Row(Targets.HISTORY, r.metrics(), r.users(), r.skippedUsers(), r.trainSeconds(), r.evalSeconds())
        : r).toList();
    return new Section(s.protocol(), s.task(), s.split(), s.relevance(), s.candidates(), s.seenExcluded(),
        s.metrics(), s.skipped(), s.sizes(), s.notes(), rows, s.notApplicable());
  }
}
