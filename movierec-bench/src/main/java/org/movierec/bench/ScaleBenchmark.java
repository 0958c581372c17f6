package org.movierec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.movierec.data.User;
import org.movierec.index.ExactIndex;
import org.movierec.index.HnswParams;
import org.movierec.index.IndexedMovie;
import org.movierec.index.ItemFilter;
import org.movierec.index.LuceneIndex;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.recommend.ModelIndex;

/**
 * The embedded vector store ({@link LuceneIndex}) on catalogs far larger than MovieLens: build time, disk size, heap,
 * single-thread query latency (p50, p99) and recall@10 against exact search, for several HNSW settings.
 *
 * <p>The catalogs come from {@link SyntheticCatalog} (the trained model's movies plus a seeded Gaussian mixture around
 * them); the queries are the model's own query vectors of a seeded sample of its known users, every other one
 * excluding the movies that user rated (as {@code movierec recommend} does), k = 10. The exact top 10 of every query
 * comes from {@link ExactIndex}, once per catalog.
 *
 * <p>Search-time candidates: {@link LuceneIndex} asks the graph for {@code max(4k, 100)} candidates and re-scores them
 * exactly, best first. To measure 200 or 400 candidates without a new knob in core, the benchmark asks for k = 50 or
 * 100 and keeps the first 10 results, which are exactly the top 10 of those candidates: the same work as a k = 10
 * search with a larger candidate count, plus a slightly longer result list.
 *
 * <p>Usage: {@code ScaleBenchmark --sizes 100000,1000000 --settings 16/100,32/200,16/100q --candidates 100,200,400
 * [--model DIR] [--work DIR] [--queries 1000] [--seed 42] [--noise isotropic|model] [--out FILE]}; a setting is {@code M/efConstruction}, with a
 * trailing {@code q} for the scalar-quantized format. Run it with benchmarks/scale.sh.
 */
public final class ScaleBenchmark {
  private static final int K = 10;
  private static final int WARMUP_PASSES = 2;
  private static final int TIMED_PASSES = 3;
  private static final String FINGERPRINT = "scale-benchmark";
  static volatile long blackhole; // keeps the warm-up searches from being optimised away

  private ScaleBenchmark() {}

  record Setting(HnswParams hnsw) {
    static Setting parse(String s) {
      var m = java.util.regex.Pattern.compile("(\\d+)/(\\d+)(q?)(?:p(\\d+))?").matcher(s);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "a setting is M/efConstruction[q][pDIM], e.g. 16/100, 16/100q or 16/100p64, got: " + s);
      }
      HnswParams p = new HnswParams(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), !m.group(3).isEmpty(),
          m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
      return new Setting(p);
    }

    @Override
    public String toString() {
      return hnsw.maxConn() + "/" + hnsw.beamWidth() + (hnsw.quantized() ? "q" : "")
          + (hnsw.graphDimension() > 0 ? "p" + hnsw.graphDimension() : "");
    }
  }

  record Query(float[] vector, ItemFilter filter) {}

  public static void main(String[] args) throws IOException {
    List<Integer> sizes = List.of(100_000);
    List<Setting> settings = List.of(Setting.parse("16/100"));
    List<Integer> candidates = List.of(100, 200, 400);
    Path modelDir = Path.of(System.getProperty("user.home"), ".movierec", "model");
    Path work = Path.of("target", "bench", "scale");
    Path out = null;
    int queryCount = 1000;
    long seed = 42;
    SyntheticCatalog.Noise noise = SyntheticCatalog.Noise.ISOTROPIC;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(s -> Integer.parseInt(s.replace("_", ""))).toList();
        case "--settings" -> settings = Arrays.stream(value.split(",")).map(Setting::parse).toList();
        case "--candidates" -> candidates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
        case "--model" -> modelDir = Path.of(value);
        case "--work" -> work = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--queries" -> queryCount = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--noise" -> noise = SyntheticCatalog.Noise.valueOf(value.toUpperCase(Locale.ROOT));
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; valid: --sizes --settings --candidates --model --work --out --queries --seed --noise");
      }
    }
    for (int c : candidates) {
      if (c < 100 || c % 4 != 0) {
        throw new IllegalArgumentException("candidates must be a multiple of 4, at least 100, got: " + c);
      }
    }
    Files.createDirectories(work);

    SavedModel model = ModelFiles.load(modelDir);
    List<IndexedMovie> real = ModelIndex.movieVectors(model);
    SyntheticCatalog.Shape shape = SyntheticCatalog.shapeOf(real);
    List<Query> queries = queries(model, queryCount, seed);
    log("model %s: %d movies, dimension %d; median nearest-neighbour distance %.4f, bias mean %.4f sd %.4f; %d queries"
        + " (%d with exclusions, median %d excluded)", model.fingerprint(), real.size(), shape.dimension(),
        shape.nearestDistance(), shape.biasMean(), shape.biasStd(), queries.size(),
        queries.stream().filter(q -> !q.filter().excludedIds().isEmpty()).count(), medianExcluded(queries));
    System.out.println("| size | noise | M | efConstruction | graph dim. | candidates | quantized | build | disk | heap | p50 µs | p99 µs"
        + " | recall@10 | recall@10 excl. | p99 µs excl. |");
    System.out.println("|---:|:---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|");

    for (int size : sizes) {
      long t0 = System.nanoTime();
      List<IndexedMovie> catalog = SyntheticCatalog.of(real, shape, size, seed + size, noise);
      log("catalog of %,d movies (%s noise) generated in %.1f s", size, noise, seconds(t0));
      int[][] exact = exactTop(catalog, queries);
      for (Setting setting : settings) {
        Path dir = work.resolve("index-" + size + "-" + setting.toString().replace('/', '-'));
        deleteRecursively(dir);
        long b0 = System.nanoTime();
        LuceneIndex.write(dir, catalog, FINGERPRINT, setting.hnsw());
        double build = seconds(b0);
        long disk = diskBytes(dir);
        log("%,d movies, %s: built in %.1f s, %s on disk", size, setting, build, mib(disk));
        // the heap the index holds: used while open minus used once closed, both after a full GC, after a first open
        // and close (the first setting of a JVM still reads ~0.6 x the vectors high at 100k: docs/scale.md)
        LuceneIndex.open(dir, FINGERPRINT).close();
        LuceneIndex index = LuceneIndex.open(dir, FINGERPRINT);
        long heapOpen = heapAfterGc();
        List<Result> results = new ArrayList<>();
        for (int c : candidates) {
          results.add(measure(index, queries, exact, c / 4));
        }
        index.close();
        index = null;
        long heap = heapOpen - heapAfterGc();
        for (int i = 0; i < candidates.size(); i++) {
          Result r = results.get(i);
          String row = String.format(Locale.ROOT,
              "| %,d | %s | %d | %d | %s | %d | %s | %s | %s | %s | %.0f | %.0f | %.3f | %.3f | %.0f |", size,
              noise.name().toLowerCase(Locale.ROOT),
              setting.hnsw().maxConn(), setting.hnsw().beamWidth(),
              setting.hnsw().graphDimension() == 0 ? "all" : String.valueOf(setting.hnsw().graphDimension()),
              candidates.get(i),
              setting.hnsw().quantized() ? "yes" : "no", duration(build), mib(disk), mib(heap), r.p50Micros,
              r.p99Micros, r.recall, r.recallExcluding, r.p99MicrosExcluding);
          System.out.println(row);
          if (out != null) {
            Files.writeString(out, row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
        }
        deleteRecursively(dir);
      }
    }
  }

  record Result(double p50Micros, double p99Micros, double recall, double recallExcluding, double p99MicrosExcluding) {}

  /**
   * Single-thread latency and recall@10 against the exact top 10: two warm-up passes over the queries, then three
   * timed passes; a query's latency is the median of its three (the machine is shared: this drops another process's
   * interruption of one pass without hiding a query that is always slow).
   */
  static Result measure(LuceneIndex index, List<Query> queries, int[][] exact, int k) {
    List<VectorQuery> prepared = queries.stream().map(q -> new VectorQuery(q.vector(), k, q.filter())).toList();
    long sink = 0;
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (VectorQuery q : prepared) {
        sink += index.search(q).size();
      }
    }
    int n = prepared.size();
    long[][] passes = new long[TIMED_PASSES][n];
    List<List<Neighbor>> found = new ArrayList<>(n);
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        List<Neighbor> result = index.search(prepared.get(i));
        passes[pass][i] = System.nanoTime() - t;
        if (pass == 0) {
          found.add(result);
        }
      }
    }
    long[] nanos = new long[n]; // per query, the median of its timed passes: a pause of another process is dropped
    for (int i = 0; i < n; i++) {
      long[] times = new long[TIMED_PASSES];
      for (int pass = 0; pass < TIMED_PASSES; pass++) {
        times[pass] = passes[pass][i];
      }
      Arrays.sort(times);
      nanos[i] = times[TIMED_PASSES / 2];
    }
    double recall = 0;
    double recallExcluding = 0;
    int excluding = 0;
    List<Long> excludingNanos = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> truth = new HashSet<>();
      for (int id : exact[i]) {
        truth.add(id);
      }
      List<Neighbor> top = found.get(i).subList(0, Math.min(K, found.get(i).size()));
      long hits = top.stream().filter(nb -> truth.contains(nb.movieId())).count();
      double r = truth.isEmpty() ? 1 : (double) hits / truth.size();
      recall += r;
      if (!queries.get(i).filter().excludedIds().isEmpty()) {
        recallExcluding += r;
        excluding++;
        excludingNanos.add(nanos[i]);
      }
    }
    blackhole += sink;
    long[] ex = excludingNanos.stream().mapToLong(Long::longValue).toArray();
    return new Result(percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3, recall / n,
        excluding == 0 ? Double.NaN : recallExcluding / excluding, ex.length == 0 ? Double.NaN : percentile(ex, 0.99) / 1e3);
  }

  /** The exact top-10 movie ids of every query. */
  static int[][] exactTop(List<IndexedMovie> catalog, List<Query> queries) {
    long t0 = System.nanoTime();
    int[][] top = new int[queries.size()][];
    try (ExactIndex exact = ExactIndex.of(catalog, FINGERPRINT)) {
      for (int i = 0; i < top.length; i++) {
        Query q = queries.get(i);
        top[i] = exact.search(new VectorQuery(q.vector(), K, q.filter())).stream().mapToInt(Neighbor::movieId).toArray();
      }
    }
    log("exact top %d of %d queries over %,d movies in %.1f s", K, top.length, catalog.size(), seconds(t0));
    return top;
  }

  /**
   * The model's query vectors of {@code count} of its known users, a seeded sample; every other query excludes the
   * movies that user rated.
   */
  static List<Query> queries(SavedModel model, int count, long seed) {
    List<User> users = new ArrayList<>(model.catalog().users().values());
    users.sort(Comparator.comparingInt(User::id));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = users.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      User t = users.get(i);
      users.set(i, users.get(j));
      users.set(j, t);
    }
    List<Query> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      User user = users.get(i % users.size());
      float[] vector = model.model().queryVector(model.profile(user));
      ItemFilter filter = ItemFilter.NONE;
      if (i % 2 == 1) {
        List<Integer> seen = Arrays.stream(model.seen().moviesOf(user.id())).boxed().toList();
        filter = ItemFilter.excluding(seen);
      }
      out.add(new Query(vector, filter));
    }
    return out;
  }

  private static int medianExcluded(List<Query> queries) {
    int[] n = queries.stream().mapToInt(q -> q.filter().excludedIds().size()).filter(x -> x > 0).sorted().toArray();
    return n.length == 0 ? 0 : n[n.length / 2];
  }

  static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length) - 1; // nearest rank
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long diskBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String duration(double seconds) {
    return seconds < 120 ? String.format(Locale.ROOT, "%.1f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
  }
}
