package org.movierec.eval.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.eval.Protocol;
import org.movierec.eval.ProtocolSplit;
import org.movierec.eval.Results;
import org.movierec.model.EpochStats;

/**
 * What one evaluation run measured, and the context a reader needs to trust it: when, on what machine and data, with
 * which seed, how long it took. Every renderer (Markdown, JSON, SVG, text) reads this one value. Missing figures are
 * null, never NaN, so that the JSON is plain.
 *
 * @param date when the run started, ISO-8601
 * @param seed the seed of every split, sample and model
 * @param machine where it ran
 * @param data what it ran on
 * @param wallSeconds the run's wall time, loading to report
 * @param command the command line that reproduces it
 * @param sections one per protocol, in report order
 * @param curves the training history of each model trained by epochs, in training order
 * @param targets the verdict on each of {@link Targets#all()}
 */
public record Report(String date, long seed, Machine machine, Dataset data, double wallSeconds, String command,
    List<Section> sections, List<Curve> curves, List<Verdict> targets) {

  public Report {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(command, "command");
    sections = List.copyOf(sections);
    curves = List.copyOf(curves);
    targets = List.copyOf(targets);
  }

  /** A report whose targets are judged from its sections by {@link Targets#judge(List)}. */
  public static Report of(String date, long seed, Machine machine, Dataset data, double wallSeconds, String command,
      List<Section> sections, List<Curve> curves) {
    return new Report(date, seed, machine, data, wallSeconds, command, sections, curves, Targets.judge(sections));
  }

  /** Every recommender with a row in some section, in order of first appearance: the plots' colour order. */
  public List<String> recommenders() {
    List<String> out = new ArrayList<>();
    for (Section s : sections) {
      for (Row r : s.rows()) {
        if (!out.contains(r.recommender())) {
          out.add(r.recommender());
        }
      }
    }
    for (Curve c : curves) {
      if (!out.contains(c.recommender())) {
        out.add(c.recommender());
      }
    }
    return out;
  }

  /**
   * The machine a run is measured on.
   *
   * @param cores processors available to the JVM
   * @param memoryBytes physical memory, or 0 if unknown
   * @param maxHeapBytes the JVM's maximum heap
   * @param cpu the processor's model name, or the architecture if unknown
   * @param os name, version and architecture
   * @param java version and vendor
   */
  public record Machine(int cores, long memoryBytes, long maxHeapBytes, String cpu, String os, String java) {
    /** This machine. */
    public static Machine current() {
      long memory = 0;
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        memory = os.getTotalMemorySize();
      }
      return new Machine(Runtime.getRuntime().availableProcessors(), memory, Runtime.getRuntime().maxMemory(),
          cpuName(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
              + System.getProperty("os.arch"),
          Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")");
    }

    /** {@code 2 cores (AMD EPYC 7B13), 23.4 GiB memory (JVM heap up to 4.0 GiB), Linux 6.1 amd64, Java 25+36}. */
    public String describe() {
      return cores + (cores == 1 ? " core" : " cores") + " (" + cpu + "), "
          + (memoryBytes > 0 ? ReportFormat.gibibytes(memoryBytes) + " memory" : "memory unknown")
          + " (JVM heap up to " + ReportFormat.gibibytes(maxHeapBytes) + "), " + os + ", Java " + java;
    }

    private static String cpuName() {
      Path cpuinfo = Path.of("/proc/cpuinfo");
      try {
        if (Files.isReadable(cpuinfo)) {
          for (String line : Files.readAllLines(cpuinfo, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("model name")) {
              return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // fall through: the architecture is all we know
      }
      return System.getProperty("os.arch");
    }
  }

  /**
   * The data a run used.
   *
   * @param directory the MovieLens directory
   * @param checksum SHA-256 of its files
   * @param movies movies in the catalog
   * @param users users
   * @param ratings ratings
   * @param timestampsFile the file timestamps were merged from; null if none
   * @param timestampsChecksum SHA-256 of that file; null if none
   * @param usersWithTimestamps users all of whose ratings have a timestamp
   */
  public record Dataset(String directory, String checksum, int movies, int users, int ratings, String timestampsFile,
      String timestampsChecksum, int usersWithTimestamps) {
    public Dataset {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(checksum, "checksum");
    }
  }

  /**
   * One protocol: what it does, on which data, and each recommender's figures; or why it was skipped.
   *
   * @param protocol the protocol's name
   * @param task {@code PREDICT_STARS} or {@code RANK}
   * @param split how the data is divided
   * @param relevance which held-out movies count
   * @param candidates which movies are ranked
   * @param seenExcluded whether the user's training movies are left out of the ranking
   * @param metrics the metric names, in order
   * @param skipped why the protocol did not run; null when it ran
   * @param sizes the split's sizes ({@link ProtocolSplit#summary()}); null when skipped
   * @param notes what else a reader should know (such as how many users have timestamps)
   * @param rows one per recommender evaluated, in run order
   * @param notApplicable recommenders selected but not evaluated here, because they predict no stars
   */
  public record Section(String protocol, String task, String split, String relevance, String candidates,
      boolean seenExcluded, List<String> metrics, String skipped, String sizes, List<String> notes, List<Row> rows,
      List<String> notApplicable) {

    public Section {
      Objects.requireNonNull(protocol, "protocol");
      metrics = List.copyOf(metrics);
      notes = List.copyOf(notes);
      rows = List.copyOf(rows);
      notApplicable = List.copyOf(notApplicable);
    }

    /** The protocol as it ran on {@code split}. */
    public static Section of(ProtocolSplit split, List<String> notes, List<Row> rows, List<String> notApplicable) {
      Protocol p = split.protocol();
      return new Section(p.name(), p.task().name(), p.split(), p.relevance(), p.candidates(), p.seenExcluded(),
          p.metricNames(), null, split.summary(), notes, rows, notApplicable);
    }

    /** The protocol, not run, and why. */
    public static Section skipped(Protocol p, String reason) {
      Objects.requireNonNull(reason, "reason");
      return new Section(p.name(), p.task().name(), p.split(), p.relevance(), p.candidates(), p.seenExcluded(),
          p.metricNames(), reason, null, List.of(), List.of(), List.of());
    }
  }

  /**
   * One recommender's figures on one protocol.
   *
   * @param recommender its name
   * @param metrics metric name to value, in the protocol's order; null for an undefined value
   * @param users users evaluated
   * @param skippedUsers test users left out (no relevant held-out movie)
   * @param trainSeconds wall time of fitting or training it on the split
   * @param evalSeconds wall time of scoring and measuring
   */
  public record Row(String recommender, Map<String, Double> metrics, int users, int skippedUsers,
      double trainSeconds, double evalSeconds) {

    public Row {
      Objects.requireNonNull(recommender, "recommender");
      Map<String, Double> copy = new LinkedHashMap<>();
      metrics.forEach((name, value) -> copy.put(name, value == null || value.isNaN() ? null : value));
      metrics = Collections.unmodifiableMap(copy);
    }

    /** The evaluator's results, with the time it took to fit the recommender. */
    public static Row of(Results results, double trainSeconds) {
      return new Row(results.recommender(), results.metrics(), results.users(), results.skippedUsers(), trainSeconds,
          results.time().toNanos() / 1e9);
    }
  }

  /**
   * How a model trained by epochs learned on one protocol's training data.
   *
   * @param protocol the protocol whose training part it trained on
   * @param recommender the model's name
   * @param loss what the training loss measures, such as {@code squared error (stars^2)}
   * @param heldOut what the held-out RMSE was measured on ({@code test}, {@code validation}); null if nothing
   * @param epochs one per epoch
   */
  public record Curve(String protocol, String recommender, String loss, String heldOut, List<Epoch> epochs) {
    public Curve {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(recommender, "recommender");
      Objects.requireNonNull(loss, "loss");
      epochs = List.copyOf(epochs);
    }

    /** From the trainer's history; a NaN RMSE (nothing held out, or a model that predicts no stars) becomes null. */
    public static Curve of(String protocol, String recommender, String loss, String heldOut,
        List<EpochStats> history) {
      List<Epoch> epochs = history.stream().map(s -> new Epoch(s.epoch(), s.trainLoss(),
          Double.isNaN(s.testRmse()) ? null : s.testRmse(), s.seconds())).toList();
      boolean anyRmse = epochs.stream().anyMatch(e -> e.heldOutRmse() != null);
      return new Curve(protocol, recommender, loss, anyRmse ? heldOut : null, epochs);
    }

    /** The total wall time of the epochs. */
    public double seconds() {
      return epochs.stream().mapToDouble(Epoch::seconds).sum();
    }
  }

  /**
   * One epoch of a {@link Curve}.
   *
   * @param epoch 1-based
   * @param trainLoss the mean training loss of the epoch, in the objective's unit
   * @param heldOutRmse RMSE in stars on the held-out ratings after the epoch; null if not measured
   * @param seconds the epoch's wall time
   */
  public record Epoch(int epoch, double trainLoss, Double heldOutRmse, double seconds) {}
}
