package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Checks the figures of an {@code evaluate} report against the ones measured before, for the *IT regressions. */
final class ReportFigures {
  private ReportFigures() {}

  /**
   * Asserts that every row of {@code report.json} is expected ("protocol/recommender") and that each expected metric
   * lies within {@code margin} of its value.
   *
   * @return how many figures were checked
   */
  /** One figure of {@code report.json}: the metric of the row "protocol/recommender"; fails when absent. */
  static double figure(Path reportJson, String key, String metric) throws IOException {
    JsonNode json = new ObjectMapper().readTree(reportJson.toFile());
    for (JsonNode section : json.get("sections")) {
      for (JsonNode row : section.get("rows")) {
        if (key.equals(section.get("protocol").asText() + "/" + row.get("recommender").asText())) {
          assertThat(row.get("metrics").has(metric)).as("%s %s in %s", key, metric, reportJson).isTrue();
          return row.get("metrics").get(metric).asDouble();
        }
      }
    }
    throw new AssertionError("no row " + key + " in " + reportJson);
  }

  static int assertWithin(Path reportJson, Map<String, Map<String, Double>> expected, double margin)
      throws IOException {
    JsonNode json = new ObjectMapper().readTree(reportJson.toFile());
    int checked = 0;
    for (JsonNode section : json.get("sections")) {
      for (JsonNode row : section.get("rows")) {
        String key = section.get("protocol").asText() + "/" + row.get("recommender").asText();
        Map<String, Double> metrics = expected.get(key);
        assertThat(metrics).as(key).isNotNull();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
          assertThat(row.get("metrics").get(e.getKey()).asDouble()).as("%s %s", key, e.getKey())
              .isCloseTo(e.getValue(), within(margin));
          checked++;
        }
      }
    }
    return checked;
  }
}
