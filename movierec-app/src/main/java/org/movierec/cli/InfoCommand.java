package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.movierec.index.LuceneIndex;
import org.movierec.index.VectorIndex;
import org.movierec.model.EpochStats;
import org.movierec.model.ModelFiles;
import org.movierec.model.HistoryShape;
import org.movierec.model.ModelManifest;
import org.movierec.model.ModelShape;
import org.movierec.recommend.ModelIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec info}: what a model directory holds, from its manifest. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Describe a trained model: when and how it was trained, its test RMSE per epoch, and its index.",
    footerHeading = "%nExamples:%n",
    footer = {"  movierec info", "  movierec info --model my-model"})
final class InfoCommand implements Callable<Integer> {
  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Override
  public Integer call() {
    Path dir = model.resolve(root.environment());
    ModelManifest m = ModelFiles.readManifest(dir);
    PrintWriter out = spec.commandLine().getOut();
    out.println("model        " + dir.toAbsolutePath().normalize());
    out.println("fingerprint  " + m.fingerprint() + " (format version " + m.formatVersion() + ")");
    out.println("created      " + m.createdAt());
    out.println("data         SHA-256 " + m.dataChecksum());
    out.printf(Locale.ROOT, "ratings      %,d trained on, %,d held out%n", m.trainRatings(), m.testRatings());
    out.println("test RMSE    " + (m.testRmse() == null ? "none (nothing held out)"
        : String.format(Locale.ROOT, "%.4f stars", m.testRmse())));
    out.println("settings     " + m.training().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    out.println("shape        " + switch (m.shape()) {
      case ModelShape demo -> String.format(Locale.ROOT, "demo towers: %d users and %d movies with an id row,"
          + " vectors of %d", demo.userRows() - 1, demo.movieRows() - 1, demo.towerDim());
      case HistoryShape history -> String.format(Locale.ROOT, "history towers: %d movies with an id row, users"
          + " read from their ratings, vectors of %d + 1 folded movie bias", history.movieRows() - 1,
          history.towerDim());
    });
    for (EpochStats e : m.history()) {
      out.printf(Locale.ROOT, "epoch %3d    train loss %.4f  test RMSE %s  %.1f s%n", e.epoch(), e.trainLoss(),
          Double.isNaN(e.testRmse()) ? "n/a" : String.format(Locale.ROOT, "%.4f", e.testRmse()), e.seconds());
    }
    out.println("index        " + index(dir, m));
    out.flush();
    return 0;
  }

  private static String index(Path dir, ModelManifest m) {
    try (VectorIndex index = LuceneIndex.open(ModelIndex.dir(dir), m.fingerprint())) {
      return String.format(Locale.ROOT, "%,d movies (%s, dimension %d) in %s", index.info().size(),
          index.info().backend(), index.info().dimension(), ModelIndex.dir(dir).toAbsolutePath().normalize());
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }
}
