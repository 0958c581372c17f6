package org.movierec.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFilesTest {
  private final Report report = ReportFixture.report();

  @TempDir Path dir;

  @Test
  void writes_markdown_json_and_every_plot() throws IOException {
    List<Path> written = ReportFiles.write(dir, report);
    assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("report.md", "report.json",
        "metrics-rating.svg", "metrics-ranking.svg", "metrics-cold-start.svg", "training-fusion-mse.svg",
        "training-fusion-ranking.svg", "heldout-rmse.svg");
    assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo(ReportMarkdown.render(report));
  }

  @Test
  void replaces_the_plots_of_an_earlier_report_and_nothing_else() throws IOException {
    Files.writeString(dir.resolve("metrics-old.svg"), "<svg/>");
    Files.writeString(dir.resolve("notes.svg"), "<svg/>");
    ReportFiles.write(dir, report);
    assertThat(dir.resolve("metrics-old.svg")).doesNotExist();
    assertThat(dir.resolve("notes.svg")).exists();
  }

  @Test
  void the_json_holds_every_figure_and_verdict_with_null_for_missing_values() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ReportJson.render(report));
    assertThat(json.get("seed").asLong()).isEqualTo(1);
    assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
    JsonNode rating = json.get("sections").get(0);
    assertThat(rating.get("protocol").asText()).isEqualTo("rating");
    assertThat(rating.get("seenExcluded").asBoolean()).isFalse();
    assertThat(rating.get("rows").get(0).get("metrics").get("RMSE").asDouble()).isEqualTo(0.8386);
    assertThat(rating.get("rows").get(0).get("trainSeconds").asDouble()).isEqualTo(10.2);
    JsonNode fusionRanking = json.get("sections").get(1).get("rows").get(3);
    assertThat(fusionRanking.get("metrics").get("NDCG@20").isNull()).isTrue();
    assertThat(json.get("sections").get(2).get("skipped").asText()).isEqualTo("the ratings have no timestamps");
    assertThat(json.get("targets").get(0).get("status").asText()).isEqualTo("NOT_EVALUATED");
    assertThat(json.get("targets").get(0).get("value").isNull()).isTrue(); // history did not run
    assertThat(json.get("curves").get(0).get("epochs").get(2).get("heldOutRmse").asDouble()).isEqualTo(0.8612);
    assertThat(json.get("curves").get(1).get("epochs").get(0).get("heldOutRmse").isNull()).isTrue();
  }

  @Test
  void the_metric_plot_has_a_bar_per_recommender_and_metric_with_labels() throws Exception {
    Document svg = parse(ReportPlots.render(report).get("metrics-ranking.svg"));
    List<String> bars = titles(svg, "rect", "bar");
    assertThat(bars).hasSize(4 * 6 - 1) // fusion-ranking has no NDCG@20
        .contains("ease NDCG@10: 0.2838", "popularity Hit@20: 0.6083", "fusion-ranking Recall@10: 0.2200");
    assertThat(texts(svg, "group")).containsExactly("Recall@10", "NDCG@10", "Hit@10", "Recall@20", "NDCG@20",
        "Hit@20");
    assertThat(texts(svg, "legend")).containsExactly("popularity", "ease", "fusion-mse", "fusion-ranking");
    assertThat(texts(svg, "value")).contains("0.2838", "n/a");
    assertThat(texts(svg, "title")).containsExactly("ranking protocol (seed 1)");
    assertThat(texts(svg, "axis-label")).containsExactly("mean over users (higher is better)");
  }

  @Test
  void a_recommender_keeps_its_colour_across_plots() throws Exception {
    String rating = ReportPlots.render(report).get("metrics-rating.svg");
    String ranking = ReportPlots.render(report).get("metrics-ranking.svg");
    String fusionMse = SvgCharts.color(report.recommenders().indexOf("fusion-mse"));
    assertThat(rating).contains("fill=\"" + fusionMse + "\"><title>fusion-mse RMSE");
    assertThat(ranking).contains("fill=\"" + fusionMse + "\"><title>fusion-mse Recall@10");
  }

  @Test
  void the_training_plot_has_a_line_per_protocol_and_a_point_per_epoch() throws Exception {
    Document svg = parse(ReportPlots.render(report).get("training-fusion-ranking.svg"));
    assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    assertThat(titles(svg, "circle", null)).containsExactly("ranking, epoch 1: 7.5000", "ranking, epoch 2: 7.1000",
        "cold-start, epoch 1: 7.4000", "cold-start, epoch 2: 7.0000");
    assertThat(texts(svg, "legend")).containsExactly("ranking", "cold-start");
    assertThat(texts(svg, "axis-label")).containsExactly("training loss: softmax cross-entropy", "epoch");
  }

  @Test
  void escapes_text_so_that_any_name_gives_valid_xml() throws Exception {
    String svg = SvgCharts.bars("a <b> & \"c\"", "y", List.of("R&D"),
        List.of(new SvgCharts.Series("x<y", "#000", new double[] {0.5})));
    Document doc = parse(svg);
    assertThat(texts(doc, "title")).containsExactly("a <b> & \"c\"");
    assertThat(titles(doc, "rect", "bar")).containsExactly("x<y R&D: 0.5000");
  }

  @Test
  void ticks_are_round_numbers_covering_the_range() {
    assertThat(SvgCharts.ticks(0, 0.95, 5)).containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, within(1e-9));
    assertThat(SvgCharts.ticks(0.7, 0.96, 5)).containsExactly(new double[] {0.7, 0.8, 0.9, 1}, within(1e-9));
    assertThat(SvgCharts.ticks(6.93, 7.57, 5)).containsExactly(new double[] {6.8, 7, 7.2, 7.4, 7.6},
        within(1e-9));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The tooltips of the elements with that tag (and class, unless null). */
  private static List<String> titles(Document doc, String tag, String cssClass) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if ((cssClass == null || cssClass.equals(e.getAttribute("class")))
          && e.getElementsByTagName("title").getLength() == 1) {
        out.add(e.getElementsByTagName("title").item(0).getTextContent());
      }
    }
    return out;
  }

  private static List<String> texts(Document doc, String cssClass) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (cssClass.equals(e.getAttribute("class"))) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }
}
