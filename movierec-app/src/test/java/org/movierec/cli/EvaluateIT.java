package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.RealData;

/**
 * {@code movierec evaluate} on the real MovieLens 1M with the timestamps of users 1 to 2999, kept short for CI: two
 * baselines on the ncf and cold-start protocols, no two-tower training. The report must carry the figures BaselinesIT
 * measures on the same splits through the API, within its margin.
 */
class EvaluateIT {
  /** BaselinesIT's margin and figures (seed 1, measured on 2 cores): protocol/recommender to metric to value. */
  private static final double MARGIN = 0.01;

  private static final Map<String, Map<String, Double>> EXPECTED = Map.of(
      "ncf/most-liked", Map.of("HR@10", 0.4241, "NDCG@10", 0.2303),
      "ncf/segment-popularity", Map.of("HR@10", 0.4451, "NDCG@10", 0.2432),
      "cold-start/most-liked", Map.of("Recall@10", 0.0619, "NDCG@10", 0.4035),
      "cold-start/segment-popularity", Map.of("Recall@10", 0.0660, "NDCG@10", 0.4161));

  @TempDir static Path tmp;

  private static Path report;
  private static Cli.Run run;
  private static double seconds;

  @BeforeAll
  static void evaluate() throws IOException {
    Path ml1m = RealData.ml1m();
    Path timestamps = RealData.ml1mTimestamps().resolve("ratings_users_0001-2999.dat");
    report = tmp.resolve("report");
    long start = System.nanoTime();
    run = Cli.run(Files.createDirectories(tmp.resolve("home")), "evaluate", "--data", ml1m.toString(),
        "--timestamps", timestamps.toString(), "--protocol", "ncf", "--protocol", "cold-start", "--recommender",
        "most-liked", "--recommender", "segment-popularity", "--seed", "1", "--report", report.toString());
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "EvaluateIT: evaluate took %.1f s%n%s", seconds, run.out());
  }

  @Test
  void the_report_has_the_figures_the_baselines_reach_through_the_api() throws IOException {
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    assertThat(json.get("seed").asLong()).isEqualTo(1);
    assertThat(json.get("data").get("ratings").asInt()).isEqualTo(1_000_209);
    assertThat(json.get("data").get("usersWithTimestamps").asInt()).isEqualTo(2_999);
    assertThat(ReportFigures.assertWithin(report.resolve("report.json"), EXPECTED, MARGIN)).isEqualTo(8);
  }

  @Test
  void the_ncf_protocol_ranks_for_the_2999_users_with_timestamps_and_says_so() throws IOException {
    JsonNode ncf = new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("sections").get(0);
    assertThat(ncf.get("protocol").asText()).isEqualTo("ncf");
    assertThat(ncf.get("rows").get(0).get("users").asInt()).isEqualTo(2_999);
    assertThat(run.out()).contains("Users with timestamps: 2,999 of 6,040");
    assertThat(Files.readString(report.resolve("report.md"))).contains("- Users with timestamps: 2,999 of 6,040")
        .contains("| Published model | HR@10 | NDCG@10 | Source |");
  }

  @Test
  void writes_every_report_file_and_leaves_the_two_tower_targets_unjudged() throws IOException {
    assertThat(report.resolve("report.md")).isRegularFile();
    assertThat(report.resolve("metrics-ncf.svg")).isRegularFile();
    assertThat(report.resolve("metrics-cold-start.svg")).isRegularFile();
    assertThat(Files.readString(report.resolve("report.md")))
        .contains("| History model, cold-start (stretch): NDCG@10 >= 1.10 x best popularity baseline | not evaluated:"
            + " history did not run on cold-start |");
  }
}
