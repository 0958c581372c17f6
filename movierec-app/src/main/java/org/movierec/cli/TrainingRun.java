package org.movierec.cli;

import ai.djl.engine.EngineException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.movierec.data.MovieLensData;
import org.movierec.data.SeenMovies;
import org.movierec.model.Catalog;
import org.movierec.model.EpochStats;
import org.movierec.model.ModelFiles;
import org.movierec.model.ModelManifest;
import org.movierec.model.SavedModel;
import org.movierec.train.ModelTrainer;
import org.movierec.train.TrainingListener;
import org.movierec.train.TrainingResult;

/** Trains a model, reporting each epoch, and saves it: what {@code train} and {@code quickstart} share. */
final class TrainingRun {
  private TrainingRun() {}

  /**
   * Trains on {@code data} as {@code config} says, printing one line per epoch on {@code out} (and a progress bar),
   * then saves the model in {@code modelDir}.
   *
   * @return the model as saved, its manifest complete (the fingerprint an index needs)
   */
  static SavedModel trainAndSave(MovieLensData data, ModelTrainer config, Path modelDir, PrintWriter out,
      ProgressBar bar) {
    int held = (int) Math.round(data.ratings().size() * config.testFraction());
    boolean stars = config.objective().predictsStars();
    out.printf(Locale.ROOT, "Training the %s model for %d epoch%s on %,d ratings, %s (%sseed %d)%n",
        config.architecture().label(), config.epochs(), config.epochs() == 1 ? "" : "s",
        data.ratings().size() - held,
        held == 0 ? (stars ? "testing on none (--test-fraction 0)" : "holding out none")
            : String.format(Locale.ROOT, stars ? "testing on %,d" : "holding out %,d", held),
        stars ? "" : "ranking objective, ", config.seed());
    out.flush();
    TrainingResult result;
    try {
      result = config.train(data, new EpochPrinter(config, out, bar));
    } catch (EngineException e) {
      throw new IllegalStateException("cannot start PyTorch, which training runs on (" + e.getMessage()
          + "); run again with --verbose for details", e);
    } finally {
      bar.clear(); // a failure's message starts on a clean line
    }
    double rmse = result.testRmse();
    ModelManifest draft = new ModelManifest(ModelFiles.FORMAT_VERSION, "", Instant.now().toString(),
        ModelFiles.shape(result.model()), settings(config), data.checksum(), result.trainRatings(), result.testRatings(),
        Double.isNaN(rmse) ? null : rmse, result.history(), null, null);
    Catalog catalog = new Catalog(data.movies(), data.users());
    SeenMovies seen = SeenMovies.of(data.ratings());
    SavedModel unsaved = new SavedModel(draft, result.model(), catalog, seen);
    ModelManifest written = ModelFiles.save(modelDir, unsaved);
    out.println("Saved the model in " + modelDir.toAbsolutePath().normalize()
        + (Double.isNaN(rmse) ? "" : String.format(Locale.ROOT, " (test RMSE %.4f stars)", rmse)));
    out.flush();
    return new SavedModel(written, result.model(), catalog, seen);
  }

  /**
   * The model already in {@code modelDir}, if it was trained on the same data with the same settings and loads
   * cleanly; empty otherwise (no model, another one, or a damaged one: it will simply be trained again).
   */
  static Optional<SavedModel> reusable(Path modelDir, MovieLensData data, ModelTrainer config) {
    if (!Files.isRegularFile(modelDir.resolve(ModelFiles.MANIFEST))) {
      return Optional.empty();
    }
    try {
      ModelManifest manifest = ModelFiles.readManifest(modelDir);
      if (!data.checksum().equals(manifest.dataChecksum())
          || !normalized(settings(config)).equals(normalized(manifest.training()))) {
        return Optional.empty();
      }
      return Optional.of(ModelFiles.load(modelDir));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }

  /**
   * The manifest's record of how the model was trained: the architecture, every field of the settings by name, and
   * the objective.
   */
  static Map<String, Object> settings(ModelTrainer trainer) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("architecture", trainer.architecture().label());
    Record config = trainer.config();
    for (RecordComponent c : config.getClass().getRecordComponents()) {
      try {
        settings.put(c.getName(), c.getAccessor().invoke(config));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + config.getClass().getSimpleName() + "." + c.getName(), e);
      }
    }
    settings.put("objective", trainer.objective().label());
    return settings;
  }

  /** The map as it reads back from JSON, so that a float 0.001f equals the 0.001 read from a manifest. */
  private static Map<String, Object> normalized(Map<String, Object> map) {
    try {
      return Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(map), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One line per epoch on stdout; the progress bar within an epoch on stderr. A ranking model predicts no stars: its
   * line has the loss and says where it is measured instead.
   */
  private static final class EpochPrinter implements TrainingListener {
    private final int epochs;
    private final boolean stars;
    private final PrintWriter out;
    private final ProgressBar bar;

    EpochPrinter(ModelTrainer config, PrintWriter out, ProgressBar bar) {
      this.epochs = config.epochs();
      this.stars = config.objective().predictsStars();
      this.out = out;
      this.bar = bar;
    }

    @Override
    public void onBatch(int epoch, int done, int total, double runningLoss) {
      bar.show(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), done, total,
          String.format(Locale.ROOT, "loss %.4f", runningLoss));
    }

    @Override
    public void onEpoch(EpochStats stats) {
      bar.clear();
      String width = Integer.toString(Integer.toString(epochs).length());
      String rmse = !stars ? "ranking objective: no RMSE (see movierec evaluate)"
          : Double.isNaN(stats.testRmse()) ? "test RMSE n/a (nothing held out)"
          : String.format(Locale.ROOT, "test RMSE %.4f stars", stats.testRmse());
      out.printf(Locale.ROOT, "epoch %" + width + "d/%d  train loss %.4f  %s  %.1f s%n", stats.epoch(), epochs,
          stats.trainLoss(), rmse, stats.seconds());
      out.flush();
    }
  }
}
