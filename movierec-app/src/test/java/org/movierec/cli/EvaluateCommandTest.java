package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.eval.report.Target;
import org.movierec.eval.report.Targets;

/** {@code movierec evaluate} run as a user runs it, on a small synthetic MovieLens with timestamps for ten users. */
class EvaluateCommandTest {
  private static final List<String> ALL = List.of("popularity", "most-liked", "segment-popularity", "biased-mf",
      "ease", "item-knn", "fusion-mse", "fusion-ranking", "history");
  private static final List<String> FEW_SHOT = List.of("few-shot-1", "few-shot-3", "few-shot-5", "few-shot-10");

  @TempDir static Path root;

  private static EvaluationData data;
  private static Path home;
  private static Path report;
  /** Every recommender on every protocol, one epoch. */
  private static Cli.Run everything;

  @TempDir Path tmp;

  @BeforeAll
  static void evaluateEverything() throws IOException {
    data = EvaluationData.write(root, 1);
    home = Files.createDirectories(root.resolve("home"));
    report = root.resolve("report");
    everything = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--timestamps", data.timestamps.toString(),
        "--epochs", "1", "--report", report.toString());
  }

  @Test
  void evaluates_every_recommender_that_applies_on_every_protocol() {
    assertThat(everything.exitCode()).as("%s", everything).isZero();
    List<String> lines = everything.outLines();
    assertThat(lines).contains("Evaluating all 9 recommenders on rating, ranking, ncf, cold-start, few-shot-1,"
        + " few-shot-3, few-shot-5, few-shot-10, seed 1")
        .anyMatch(l -> l.startsWith("[1/8] rating (seed 1): train "))
        .anyMatch(l -> l.startsWith("[2/8] ranking (seed 1): train "))
        .anyMatch(l -> l.startsWith("[3/8] ncf (seed 1): train "))
        .anyMatch(l -> l.startsWith("[4/8] cold-start (seed 1): train "))
        .anyMatch(l -> l.startsWith("[5/8] few-shot-1 (seed 1): train ") && l.contains("; revealed 2 ratings of 2"
            + " users and "))
        .anyMatch(l -> l.startsWith("[8/8] few-shot-10 (seed 1): train ") && l.contains("; revealed 20 ratings of"
            + " 2 users and "))
        .contains("  not evaluated, since they predict no stars: popularity, most-liked, segment-popularity, ease,"
            + " item-knn, fusion-ranking")
        .contains("  Users with timestamps: 10 of 20: each is a test user; the other users' ratings only train");
    // the three that predict stars, in the order of the recommenders
    assertThat(lines.stream().filter(l -> l.matches("  (biased-mf|fusion-mse|history): RMSE \\d\\.\\d{4}  MAE"
        + " \\d\\.\\d{4}  \\(train \\d+\\.\\d s, eval \\d+\\.\\d s\\)")).map(l -> l.substring(2, l.indexOf(':'))))
        .containsExactly("biased-mf", "fusion-mse", "history");
    for (String r : ALL) {
      // ranking, ncf, cold-start and the four few-shot protocols for every recommender
      assertThat(lines.stream().filter(l -> l.startsWith("  " + r + ": Recall@10 ") || l.startsWith("  " + r
          + ": HR@10 "))).as(r).hasSize(7);
    }
  }

  @Test
  void learns_each_recommender_once_for_cold_start_and_the_few_shot_protocols_which_share_their_training_ratings() {
    List<String> lines = everything.outLines();
    // ranking, ncf, cold-start
    assertThat(lines.stream().filter(l -> l.equals("  ease: fitting..."))).hasSize(3);
    assertThat(lines.stream().filter(l -> l.equals("  The recommenders are those learned for cold-start, from the"
        + " same training ratings; their train seconds are the time they took there"))).hasSize(4);
  }

  @Test
  void shows_each_epoch_of_the_two_tower_models_with_the_held_out_rmse_where_there_is_one() {
    List<String> out = everything.outLines();
    assertThat(out).contains(
        "  fusion-mse: training 1 epoch on 540 ratings, RMSE on the test part after each epoch...",
        "  history: training 1 epoch on 540 ratings, RMSE on the test part after each epoch...",
        "  fusion-mse: training 1 epoch on 332 ratings, RMSE on the validation part after each epoch...",
        "  history: training 1 epoch on 332 ratings, RMSE on the validation part after each epoch...",
        "  fusion-ranking: training 1 epoch on 332 ratings...");
    // fusion-mse and history, which predict stars, on rating (test part) and ranking (validation part)
    assertThat(out.stream().filter(l -> l.matches("    epoch 1/1  train loss \\d+\\.\\d{4}  test RMSE \\d\\.\\d{4}"
        + " stars  \\d+\\.\\d s"))).hasSize(2);
    assertThat(out.stream().filter(l -> l.matches("    epoch 1/1  train loss \\d+\\.\\d{4}  validation RMSE"
        + " \\d\\.\\d{4} stars  \\d+\\.\\d s"))).hasSize(2);
    // fusion-mse and history on ncf and cold-start, fusion-ranking on ranking, ncf and cold-start (the models of
    // cold-start serve the few-shot protocols): the loss only
    assertThat(out.stream().filter(l -> l.matches("    epoch 1/1  train loss \\d+\\.\\d{4}  \\d+\\.\\d s")))
        .hasSize(7);
    assertThat(everything.err()).isEmpty();
  }

  @Test
  void the_history_models_rmse_is_the_one_its_last_epoch_printed_and_the_target_verdict_uses() {
    List<String> out = everything.outLines();
    int at = out.indexOf("  history: training 1 epoch on 540 ratings, RMSE on the test part after each epoch...");
    Matcher epoch = Pattern.compile(
        "    epoch 1/1  train loss \\d+\\.\\d{4}  test RMSE (\\d\\.\\d{4}) stars  \\d+\\.\\d s").matcher(out.get(at + 1));
    assertThat(epoch.matches()).as(out.get(at + 1)).isTrue();
    String rmse = epoch.group(1);
    assertThat(out.get(at + 2)).startsWith("  history: RMSE " + rmse + "  MAE ");
    assertThat(out).contains("  History model, rating: RMSE <= 0.835: " + (Double.parseDouble(rmse) <= 0.835
        ? "met (history " + rmse + " <= 0.835)" : "MISSED (history " + rmse + " vs <= 0.835)"));
  }

  @Test
  void ends_with_a_summary_table_and_the_target_verdicts() {
    String out = everything.out();
    assertThat(out).contains("Summary (seed 1, wall time ")
        .contains("\nrating: ")
        .contains("\n  recommender    RMSE     MAE  train s   eval s\n")
        .contains("\nncf: 10 users\n")
        .contains("\nTargets:\n  History model, rating: RMSE <= 0.835: ")
        .contains("\nfew-shot-5: ")
        .contains("Report: " + report.resolve("report.md").toAbsolutePath() + " (with report.json and 12 plots)");
    // every target of issue 8, in order, each judged on the history model
    List<String> verdicts = new ArrayList<>();
    for (Target t : Targets.all()) {
      verdicts.add("  " + t.description() + ": ");
    }
    List<String> lines = everything.outLines();
    List<String> printed = lines.subList(lines.indexOf("Targets:") + 1, lines.indexOf("Targets:") + 1
        + verdicts.size());
    for (int i = 0; i < verdicts.size(); i++) {
      assertThat(printed.get(i)).startsWith(verdicts.get(i)).containsPattern(": (met|MISSED) \\(history ");
    }
  }

  @Test
  void writes_the_report_files() throws IOException {
    assertThat(report.resolve("report.md")).isRegularFile();
    List<String> plots = new ArrayList<>();
    try (var files = Files.list(report)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).sorted().forEach(plots::add);
    }
    assertThat(plots).containsExactly("heldout-rmse.svg", "metrics-cold-start.svg", "metrics-few-shot-1.svg",
        "metrics-few-shot-10.svg", "metrics-few-shot-3.svg", "metrics-few-shot-5.svg", "metrics-ncf.svg",
        "metrics-ranking.svg", "metrics-rating.svg", "training-fusion-mse.svg", "training-fusion-ranking.svg",
        "training-history.svg");
    String md = Files.readString(report.resolve("report.md"));
    assertThat(md).contains("- **Seed:** 1", "## rating", "## ranking", "## ncf", "## cold-start", "## few-shot-1",
        "## few-shot-10",
        "- Users with timestamps: 10 of 20", "| Recommender | HR@10 | NDCG@10 | Train s | Eval s |",
        "- **Timestamps:** `" + data.timestamps.toAbsolutePath() + "` (SHA-256 `",
        "- **Command:** `movierec evaluate --data " + data.dir + " --timestamps ",
        "Issue 8's targets, judged on the history model (the default two towers).",
        "| history | ");
    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    assertThat(json.get("seed").asLong()).isEqualTo(1);
    assertThat(json.get("data").get("usersWithTimestamps").asInt()).isEqualTo(10);
    assertThat(json.get("sections")).hasSize(8);
    assertThat(json.get("sections").get(1).get("rows")).hasSize(ALL.size()); // ranking: every recommender
    // fusion-mse and history on rating, ranking, ncf and cold-start; fusion-ranking on the last three
    assertThat(json.get("curves")).hasSize(11);
    assertThat(json.get("targets")).hasSize(Targets.all().size());
  }

  @Test
  void skips_ncf_saying_how_to_give_timestamps_when_the_ratings_have_none() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--protocol", "ncf", "--protocol",
        "cold-start", "--recommender", "popularity", "--report", tmp.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("[1/2] ncf: skipped: the ratings have no timestamps")
        .contains("give --timestamps FILE").contains("official GroupLens download")
        .contains("\nncf: skipped (the ratings have no timestamps")
        .contains("[2/2] cold-start (seed 1)");
  }

  @Test
  void writes_the_report_under_movierec_home_by_default() throws IOException {
    Path otherHome = Files.createDirectories(tmp.resolve("home"));
    Cli.Run run = Cli.run(otherHome, "evaluate", "--data", data.dir.toString(), "--protocol", "cold-start",
        "--recommender", "most-liked");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(otherHome.resolve("report").resolve("report.md")).isRegularFile();
    assertThat(otherHome.resolve("report").resolve("metrics-cold-start.svg")).isRegularFile();
    // the history model did not run: its targets are left unjudged (as EvaluateIT expects on the real data)
    assertThat(Files.readString(otherHome.resolve("report").resolve("report.md")))
        .contains("| History model, cold-start (stretch): NDCG@10 >= 1.10 x best popularity baseline | not evaluated:"
            + " history did not run on cold-start |");
  }

  @Test
  void the_same_seed_gives_the_same_figures() throws IOException {
    Path again = tmp.resolve("again");
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--timestamps",
        data.timestamps.toString(), "--recommender", "ease", "--recommender", "segment-popularity", "--report",
        again.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode first = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    JsonNode second = new ObjectMapper().readTree(again.resolve("report.json").toFile());
    for (int s = 1; s < 8; s++) {
      for (JsonNode row : second.get("sections").get(s).get("rows")) {
        JsonNode same = null;
        for (JsonNode r : first.get("sections").get(s).get("rows")) {
          if (r.get("recommender").equals(row.get("recommender"))) {
            same = r;
          }
        }
        assertThat(same).isNotNull();
        assertThat(row.get("metrics")).isEqualTo(same.get("metrics"));
      }
    }
  }

  @Test
  void rejects_an_unknown_protocol_listing_the_valid_names() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--protocol", "xyz");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown protocol 'xyz'; valid: rating, ranking, ncf, cold-start, few-shot-1,"
        + " few-shot-3, few-shot-5, few-shot-10; or few-shot for the four few-shot protocols")
        .contains("movierec evaluate --help");
  }

  @Test
  void few_shot_selects_the_four_few_shot_protocols() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--protocol", "few-shot", "--protocol",
        "few-shot-5", "--protocol", "cold-start", "--recommender", "popularity", "--report", tmp.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Evaluating popularity on cold-start, few-shot-1, few-shot-3, few-shot-5,"
        + " few-shot-10, seed 1");
    for (String p : FEW_SHOT) {
      assertThat(run.out()).contains("\n" + p + ": ");
    }
  }

  @Test
  void rejects_an_unknown_recommender_listing_the_valid_names() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--recommender", "xyz");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown recommender 'xyz'; valid: " + String.join(", ", ALL));
  }

  @Test
  void rejects_zero_epochs() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--epochs", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--epochs must be at least 1, got: 0");
  }

  @Test
  void names_the_file_when_the_timestamps_cannot_be_read() {
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--timestamps",
        tmp.resolve("missing.dat").toString(), "--report", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: ").contains("missing.dat");
  }

  @Test
  void fails_before_any_work_when_the_report_directory_cannot_be_made() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    Cli.Run run = Cli.run(home, "evaluate", "--data", data.dir.toString(), "--report", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: cannot create the report directory " + file);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void help_lists_the_protocols_the_recommenders_and_examples() {
    Cli.Run run = Cli.run(home, "evaluate", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: movierec evaluate").contains("Examples:", "  movierec evaluate")
        .contains(ALL).doesNotContain("%n");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("rating, ranking, ncf, cold-start, few-shot, few-shot-1, few-shot-3, few-shot-5, few-shot-10"
            + " (few-shot: the four few-shot protocols)");
    assertThat(run.out().lines().filter(l -> l.length() > 80)).as("lines wider than 80 columns").isEmpty();
  }
}
