package org.movierec.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a report into a directory: {@value #MARKDOWN}, {@value #JSON} and the SVG plots the Markdown links to. Plots
 * a previous report left in the directory are deleted first, so that every plot there belongs to this report; no
 * other file is touched.
 */
public final class ReportFiles {
  public static final String MARKDOWN = "report.md";
  public static final String JSON = "report.json";

  private ReportFiles() {}

  /**
   * Writes the report's files, creating the directory if needed.
   *
   * @return the files written, the Markdown first
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static List<Path> write(Path dir, Report report) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(MARKDOWN, ReportMarkdown.render(report));
    files.put(JSON, ReportJson.render(report));
    files.putAll(ReportPlots.render(report));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + dir + ": " + e, e);
    }
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.filter(p -> ReportPlots.isPlotFile(p.getFileName().toString())).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear old plots from " + dir + ": " + e, e);
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      try {
        Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e, e);
      }
      written.add(target);
    }
    return written;
  }
}
