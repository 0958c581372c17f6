package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tiny data set and one model trained on it with {@code movierec train --epochs 2 --seed 1} (the default, history
 * architecture), made once per test JVM and shared by every test class: tests that change a model work on a {@link
 * #copyModel copy}. Tests of the original demo's towers use {@link #demoModel()}, trained on first use with {@code
 * --architecture demo} and the same epochs and seed.
 */
public final class TrainedFixture {
  static final long SEED = 1;

  private static TrainedFixture instance;

  public final Path root;
  public final Path home;
  public final TinyMovieLens data;
  public final Path model;
  /** What {@code train} printed. */
  final Cli.Run training;

  private Path demoModel;
  private Cli.Run demoTraining;

  private TrainedFixture(Path root) throws IOException {
    this.root = root;
    this.home = Files.createDirectories(root.resolve("home"));
    this.data = TinyMovieLens.write(root.resolve("ml-tiny"), SEED);
    this.model = root.resolve("model");
    this.training = Cli.run(home, "train", "--data", data.dir.toString(), "--model", model.toString(), "--epochs", "2",
        "--seed", Long.toString(SEED));
    assertThat(training.exitCode()).as("%s", training).isZero();
  }

  public static synchronized TrainedFixture get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("movierec-cli-test-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
        instance = new TrainedFixture(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** The same data trained with {@code movierec train --architecture demo --epochs 2 --seed 1}, on first use. */
  public synchronized Path demoModel() {
    if (demoModel == null) {
      Path dir = root.resolve("demo-model");
      Cli.Run run = Cli.run(home, "train", "--data", data.dir.toString(), "--model", dir.toString(), "--architecture",
          "demo", "--epochs", "2", "--seed", Long.toString(SEED));
      assertThat(run.exitCode()).as("%s", run).isZero();
      demoTraining = run;
      demoModel = dir;
    }
    return demoModel;
  }

  /** What {@code train --architecture demo} printed for {@link #demoModel()}. */
  synchronized Cli.Run demoTraining() {
    demoModel();
    return demoTraining;
  }

  /** A copy of the trained model (without an index) at {@code target}, to change at will. */
  public Path copyModel(Path target) throws IOException {
    return copy(model, target);
  }

  /** A copy of the demo model (without an index) at {@code target}, to change at will. */
  Path copyDemoModel(Path target) throws IOException {
    return copy(demoModel(), target);
  }

  private static Path copy(Path model, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
