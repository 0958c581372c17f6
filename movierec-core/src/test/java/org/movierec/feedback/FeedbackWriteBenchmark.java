package org.movierec.feedback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.movierec.data.Rating;
import org.movierec.feedback.FeedbackWrites.AddRatings;

/**
 * How many rating writes a second the feedback store acknowledges: {@code THREADS} threads each call
 * {@code addRatings} with 1 or 5 ratings in a loop, as a server's request threads would, for a few seconds after a
 * warm-up; a fresh store for every run; the median of the runs is printed. Beside the store (group commit), the same
 * SQL run as one transaction per call (on one shared connection, or on a connection per thread) shows what group
 * commit buys.
 *
 * <p>Run by {@code benchmarks/feedback-writes.sh}; not a test (surefire runs {@code *Test} only). Arguments:
 * {@code --sqlite-dir DIR} (required), {@code --postgres JDBC_URL} (optional), {@code --seconds S} (5),
 * {@code --runs N} (3), {@code --threads T} (16).
 */
public final class FeedbackWriteBenchmark {
  private FeedbackWriteBenchmark() {}

  /** A way of writing one call's ratings. */
  private interface Writer extends AutoCloseable {
    void write(int thread, List<Rating> ratings) throws SQLException;

    @Override
    void close();
  }

  private record Result(double callsPerSecond, double p50Millis, double p99Millis) {}

  /** How the ratings of a call are committed. */
  private enum Mode {
    GROUP_COMMIT("store (group commit)"),
    SERIAL("1 tx/call, 1 connection"),
    PARALLEL("1 tx/call, connection/thread");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  public static void main(String[] args) throws Exception {
    Path sqliteDir = null;
    String postgres = null;
    int seconds = 5;
    int runs = 3;
    int threads = 16;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--sqlite-dir" -> sqliteDir = Path.of(value);
        case "--postgres" -> postgres = value.isBlank() ? null : value;
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--runs" -> runs = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; valid: --sqlite-dir DIR, --postgres JDBC_URL, --seconds S, --runs N, --threads T");
      }
    }
    if (sqliteDir == null) {
      throw new IllegalArgumentException("--sqlite-dir DIR is required");
    }
    Files.createDirectories(sqliteDir);
    System.out.printf(Locale.ROOT, "== %d threads, %d s a run after 1 s of warm-up, median of %d runs; %d cores, %s%n",
        threads, seconds, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
    System.out.printf(Locale.ROOT, "%-10s %-28s %8s %12s %12s %8s %8s%n",
        "database", "writes", "ratings", "calls/s", "ratings/s", "p50 ms", "p99 ms");
    List<String> databases = new ArrayList<>(List.of("sqlite"));
    if (postgres != null) {
      databases.add("postgresql");
    }
    int counter = 0;
    for (String database : databases) {
      for (Mode mode : Mode.values()) {
        for (int perCall : new int[] {1, 5}) {
          Result[] results = new Result[runs];
          for (int run = 0; run < runs; run++) {
            String name = "bench_" + ProcessHandle.current().pid() + "_" + counter++;
            String url = database.equals("sqlite")
                ? "jdbc:sqlite:" + sqliteDir.toAbsolutePath().resolve(name + ".db")
                : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name;
            if (database.equals("postgresql")) {
              execute(postgres, "CREATE SCHEMA " + name);
            }
            try {
              results[run] = measure(url, mode, threads, perCall, seconds);
            } finally {
              if (database.equals("postgresql")) {
                execute(postgres, "DROP SCHEMA " + name + " CASCADE");
              } else {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                  Files.deleteIfExists(sqliteDir.resolve(name + ".db" + suffix));
                }
              }
            }
          }
          Arrays.sort(results, (a, b) -> Double.compare(a.callsPerSecond(), b.callsPerSecond()));
          Result median = results[runs / 2];
          System.out.printf(Locale.ROOT, "%-10s %-28s %8d %12.0f %12.0f %8.2f %8.2f   runs: %s%n", database,
              mode.label, perCall, median.callsPerSecond(),
              median.callsPerSecond() * perCall, median.p50Millis(), median.p99Millis(),
              Arrays.stream(results).map(r -> String.format(Locale.ROOT, "%.0f", r.callsPerSecond())).toList());
        }
      }
    }
  }

  private static Result measure(String url, Mode mode, int threads, int perCall, int seconds) throws Exception {
    Writer chosen = switch (mode) {
      case GROUP_COMMIT -> storeWriter(url);
      case SERIAL -> transactionPerCallWriter(url, 1);
      case PARALLEL -> transactionPerCallWriter(url, threads);
    };
    try (Writer writer = chosen) {
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      long[][] latencies = new long[threads][];
      int[] counts = new int[threads];
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        int thread = t;
        latencies[t] = new long[1 << 20];
        Thread.ofPlatform().daemon(true).start(() -> {
          try {
            for (int call = 0; !stop.get(); call++) {
              List<Rating> ratings = new ArrayList<>(perCall);
              for (int k = 0; k < perCall; k++) {
                ratings.add(new Rating(1 + thread, 1 + (call * perCall + k) % 3952, 1 + k % 5, 978_300_000L + call));
              }
              long start = System.nanoTime();
              writer.write(thread, ratings);
              long nanos = System.nanoTime() - start;
              if (measuring.get() && counts[thread] < latencies[thread].length) {
                latencies[thread][counts[thread]++] = nanos;
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          } finally {
            done.countDown();
          }
        });
      }
      Thread.sleep(1_000);
      measuring.set(true);
      long start = System.nanoTime();
      Thread.sleep(seconds * 1_000L);
      measuring.set(false);
      double elapsed = (System.nanoTime() - start) / 1e9;
      stop.set(true);
      done.await();
      if (!failures.isEmpty()) {
        throw new IllegalStateException("a writer failed: " + failures.get(0), failures.get(0));
      }
      long[] all = new long[Arrays.stream(counts).sum()];
      int n = 0;
      for (int t = 0; t < threads; t++) {
        System.arraycopy(latencies[t], 0, all, n, counts[t]);
        n += counts[t];
      }
      Arrays.sort(all);
      return new Result(all.length / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }

  /** The feedback store as a server uses it: one store, many threads, group commit. */
  private static Writer storeWriter(String url) {
    FeedbackStore store = FeedbackStore.open(url);
    return new Writer() {
      @Override
      public void write(int thread, List<Rating> ratings) {
        store.addRatings(ratings);
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  /**
   * The store's own SQL, but one transaction per call: what group commit replaces. With one connection the calls take
   * turns on a lock; with a connection per thread they queue on the database's locks (SQLite's busy handler sleeps).
   */
  private static Writer transactionPerCallWriter(String url, int connectionCount) {
    FeedbackStore.open(url).close(); // creates the schema
    StoreUrl parsed = StoreUrl.parse(url);
    StoreConnection[] connections = new StoreConnection[connectionCount];
    for (int t = 0; t < connectionCount; t++) {
      connections[t] = new StoreConnection(parsed, true);
    }
    return new Writer() {
      @Override
      public void write(int thread, List<Rating> ratings) throws SQLException {
        List<AddRatings> one = List.of(new AddRatings(ratings));
        StoreConnection connection = connections[thread % connections.length];
        synchronized (connection) {
          connection.inTransaction(c -> FeedbackWrites.apply(c, one));
        }
      }

      @Override
      public void close() {
        for (StoreConnection c : connections) {
          c.close();
        }
      }
    };
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
