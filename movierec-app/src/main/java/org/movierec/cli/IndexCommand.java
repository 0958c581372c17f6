package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.recommend.VectorStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec index}: the original demo's {@code infer_milvus.py -i}. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Compute every movie's vector with the trained model and store them in the model's vector index"
          + " (a Lucene HNSW graph in MODEL_DIR/index, or a Milvus collection with --store milvus), replacing"
          + " what was there once the new vectors are complete.",
      "Run it after 'movierec train'; 'movierec recommend' searches this index.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec index                       # the model quickstart made",
      "  movierec index --model my-model",
      "  movierec index --store milvus --milvus-uri http://localhost:19530",
    })
final class IndexCommand implements Callable<Integer> {
  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    VectorStore vectors = store.resolve();
    Path dir = model.resolve(root.environment());
    SavedModel saved = ModelFiles.load(dir);
    build(dir, saved, vectors, spec.commandLine().getOut(),
        new ProgressBar(spec.commandLine().getErr(), root.environment().interactive()));
    return 0;
  }

  /** Builds the index of a loaded model and says so; a store that reports its inserts (Milvus) moves the bar. */
  static int build(Path dir, SavedModel saved, VectorStore store, PrintWriter out, ProgressBar bar) {
    long start = System.nanoTime();
    int movies = store.build(dir, saved, (done, total) -> bar.show("storing movie vectors", done, total,
        String.format(Locale.ROOT, "%,d of %,d", done, total)));
    bar.clear();
    out.printf(Locale.ROOT, "Indexed %,d movies in %s (%.1f s)%n", movies, store.describe(dir),
        (System.nanoTime() - start) / 1e9);
    out.flush();
    return movies;
  }
}
