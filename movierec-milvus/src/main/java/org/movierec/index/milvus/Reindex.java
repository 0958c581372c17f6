package org.movierec.index.milvus;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.movierec.index.IndexedMovie;

/**
 * Builds a catalog into a new collection and only then moves the alias to it, so that searches through the alias see
 * the previous catalog, complete, until the new one is complete, indexed and loaded. In order:
 *
 * <ol>
 *   <li>create the collection {@code <alias>_<fingerprint>_<time>}, empty, not indexed;
 *   <li>insert the movies in batches, telling {@link BuildProgress} after each;
 *   <li>flush, so that the rows are sealed and every client sees them;
 *   <li>build the vector index and wait for it;
 *   <li>load the collection and wait for it;
 *   <li>point the alias to it: {@code alterAlias} when the alias exists (one step for Milvus), else {@code
 *       createAlias};
 *   <li>drop the collection the alias pointed to before, unless an index of this process still searches it ({@link
 *       SearchedCollections}): then the last of those drops it when it closes.
 * </ol>
 *
 * <p>A failure before the alias moved drops the new collection and leaves the previous catalog in service. A failure
 * to drop the previous collection after the switch is reported to {@link BuildProgress#step} and does not fail the
 * build: the new catalog is in service, the old collection only takes space.
 */
final class Reindex {
  private Reindex() {}

  /** Rows per insert call: 1,000 movies of 64 floats are about 0.3 MB, far below Milvus's message limits. */
  static final int BATCH_SIZE = 1_000;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Runs the build and returns the name of the new collection, now behind {@code alias}.
   *
   * @throws IllegalStateException when a collection named {@code alias} exists and is not an alias
   * @throws MilvusStoreException when a Milvus call fails
   */
  static String run(MilvusOps ops, String alias, MilvusIndexParams params, MilvusCatalog catalog,
      String modelFingerprint, int batchSize, Instant now, BuildProgress progress) {
    return run(ops, alias, params, catalog, modelFingerprint, batchSize, now, progress, previous -> false);
  }

  /**
   * {@link #run(MilvusOps, String, MilvusIndexParams, MilvusCatalog, String, int, Instant, BuildProgress)}, leaving
   * the previous collection in place when {@code keepsPrevious} says it is still searched (and will be dropped by its
   * last searcher).
   */
  static String run(MilvusOps ops, String alias, MilvusIndexParams params, MilvusCatalog catalog,
      String modelFingerprint, int batchSize, Instant now, BuildProgress progress,
      java.util.function.Predicate<String> keepsPrevious) {
    Optional<String> previous = ops.aliasTarget(alias);
    if (previous.isEmpty() && ops.hasCollection(alias)) {
      throw new IllegalStateException("the Milvus collection '" + alias + "' is a collection, not an alias: MovieRec "
          + "keeps each build in a collection of its own behind an alias of that name; drop that collection or "
          + "choose another collection name");
    }
    String name = collectionName(alias, modelFingerprint, now);
    ops.createCollection(name, MilvusSchema.schema(catalog.dimension()), MilvusSchema.description(modelFingerprint));
    try {
      insertAll(ops, name, catalog, batchSize, progress);
      ops.flush(name);
      progress.step("building the " + params.kind() + " index of '" + name + "'");
      ops.createIndex(name, MilvusSchema.indexParams(params));
      progress.step("loading '" + name + "'");
      ops.load(name);
      if (previous.isPresent()) {
        ops.alterAlias(alias, name);
      } else {
        ops.createAlias(alias, name);
      }
    } catch (RuntimeException e) {
      try {
        ops.dropCollection(name);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    progress.step("'" + alias + "' now names '" + name + "'");
    if (previous.isPresent() && !previous.get().equals(name)) {
      if (keepsPrevious.test(previous.get())) {
        progress.step("kept the previous collection '" + previous.get() + "' until this process's searches of it "
            + "end; the last of them drops it");
        return name;
      }
      try {
        ops.dropCollection(previous.get());
        progress.step("dropped the previous collection '" + previous.get() + "'");
      } catch (MilvusStoreException e) {
        progress.step("could not drop the previous collection '" + previous.get() + "': " + e.getMessage());
      }
    }
    return name;
  }

  /**
   * {@code <alias>_<first 12 letters and digits of the fingerprint, lower case>_<UTC time to the millisecond>}, e.g.
   * {@code movierec_movies_3f9a0c2e71bd_20250301120000123}: at most 31 characters longer than the alias.
   */
  static String collectionName(String alias, String modelFingerprint, Instant now) {
    String model = modelFingerprint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    model = model.isEmpty() ? "model" : model.substring(0, Math.min(12, model.length()));
    return alias + "_" + model + "_" + STAMP.format(now);
  }

  private static void insertAll(MilvusOps ops, String name, MilvusCatalog catalog, int batchSize,
      BuildProgress progress) {
    List<IndexedMovie> movies = catalog.movies();
    for (int from = 0; from < movies.size(); from += batchSize) {
      int to = Math.min(movies.size(), from + batchSize);
      List<JsonObject> rows = new ArrayList<>(to - from);
      for (IndexedMovie m : movies.subList(from, to)) {
        rows.add(MilvusSchema.row(m, catalog.titleOf(m.movieId())));
      }
      ops.insert(name, rows);
      progress.inserted(to, movies.size());
    }
  }
}
