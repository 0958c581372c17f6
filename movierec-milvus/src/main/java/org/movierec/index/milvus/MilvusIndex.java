package org.movierec.index.milvus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.movierec.index.GrowableIndex;
import org.movierec.index.IndexInfo;
import org.movierec.index.IndexedMovie;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;
import org.movierec.index.milvus.MilvusStoreException.Reason;

/**
 * Movie vectors in a Milvus collection, searched by the Milvus server with the inner product ({@code IP}) and the
 * {@link org.movierec.index.ItemFilter} pushed down as a filter expression ({@link MilvusFilter}).
 *
 * <p>{@link #build} writes a new collection and moves the alias {@link MilvusOptions#collection()} to it ({@link
 * Reindex}); {@link #open} opens what the alias names, refusing a collection built from another model. A search runs
 * on the collection the alias named when the index was opened. A rebuild in the same process leaves that collection
 * in place while an index searches it, and the last such index drops it on {@link #close} ({@link
 * SearchedCollections}): a server's hot swap finishes the old model's requests on the old collection. When a build
 * in another process has dropped it, the index follows the alias to the new collection if it comes from the same
 * model and refuses otherwise, since the query vectors of one model mean nothing to the movie vectors of another.
 *
 * <p>Scores are the inner products Milvus computes in float ({@link MilvusScores}): the same scale as {@link
 * org.movierec.index.ExactIndex}'s, equal up to float rounding. Results are re-sorted best first with ties broken by
 * the smaller movie id; when a tie may straddle the k-th place, the search asks Milvus for more ({@link Ranking}). At
 * most {@value #MAX_LIMIT} movies are returned (Milvus's top-k limit).
 *
 * <p>Searches and {@link #add} may run from many threads (one gRPC channel is shared). {@link #close} closes the
 * connection. Failures of Milvus or the network are {@link MilvusStoreException}s with a one-line message.
 */
public final class MilvusIndex implements GrowableIndex {
  /** The {@link IndexInfo#backend()} of this index. */
  public static final String BACKEND = "milvus";

  /** The command that builds a Milvus collection, for messages. */
  /** The command that builds the collection again on the server at {@code uri}, for messages. */
  static String rebuild(String uri) {
    return "movierec index --model DIR --store milvus --milvus-uri " + uri;
  }

  /** Milvus's largest top-k per search. */
  static final int MAX_LIMIT = 16_384;

  /** How many more movies than k a search asks for, so that ties at the k-th place can usually be settled at once. */
  static final int TIE_MARGIN = 8;

  private final MilvusOps ops;
  private final MilvusOptions options;
  private final MilvusIndexParams params;
  private final String modelFingerprint;
  private final int dimension;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String collection;
  private volatile int size;

  private MilvusIndex(MilvusOps ops, MilvusOptions options, MilvusIndexParams params, String modelFingerprint,
      int dimension, String collection, int size) {
    this.ops = ops;
    this.options = options;
    this.params = params;
    this.modelFingerprint = modelFingerprint;
    this.dimension = dimension;
    this.collection = collection;
    this.size = size;
    SearchedCollections.opened(options.uri(), collection);
  }

  /**
   * Opens the collection {@code options.collection()} names, for searching and adding movies.
   *
   * @param params the index type the collection was built with; its {@code ef} is used by searches
   * @param expectedModelFingerprint the fingerprint of the model whose user vectors will be the queries; a collection
   *     built from another model is refused
   * @throws MilvusStoreException when the server cannot be reached, refuses the credentials, or has no such
   *     collection
   * @throws IllegalStateException when the collection was not written by MovieRec or comes from another model; the
   *     message names both fingerprints and says how to rebuild
   */
  public static MilvusIndex open(MilvusOptions options, MilvusIndexParams params, String expectedModelFingerprint) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(expectedModelFingerprint, "expectedModelFingerprint");
    SdkOps ops = SdkOps.connect(options);
    try {
      return open(ops, options, params, expectedModelFingerprint);
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  /**
   * Builds {@code movies} into a new collection and moves the alias {@code options.collection()} to it once it is
   * complete, indexed and loaded, then drops the collection the alias named before (or, while an index of this
   * process still searches it, leaves that to the last such index's {@link #close}). Searches through the alias, from
   * this or any other process, see the previous catalog until the switch.
   *
   * @param titles each movie's title by movie id, stored for people looking at the collection; missing ones are
   *     stored empty
   * @param progress hears about each batch inserted and each step
   * @return the new index, open, searching the new collection
   * @throws IllegalArgumentException when the movies are empty, have repeated ids, mixed dimensions, a dimension
   *     outside 2..32768 (Milvus's range) or a title over 512 UTF-8 bytes; nothing is sent to Milvus then
   * @throws MilvusStoreException when a Milvus call fails; the previous catalog stays in service
   */
  public static MilvusIndex build(MilvusOptions options, MilvusIndexParams params, List<IndexedMovie> movies,
      Map<Integer, String> titles, String modelFingerprint, BuildProgress progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    Objects.requireNonNull(progress, "progress (use BuildProgress.NONE)");
    MilvusCatalog catalog = MilvusCatalog.of(movies, titles);
    SdkOps ops = SdkOps.connect(options);
    try {
      return build(ops, options, params, catalog, modelFingerprint, Reindex.BATCH_SIZE, Instant.now(), progress);
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  static MilvusIndex open(MilvusOps ops, MilvusOptions options, MilvusIndexParams params, String expected) {
    String alias = options.collection();
    String target = ops.aliasTarget(alias).orElseGet(() -> {
      if (!ops.hasCollection(alias)) {
        throw new MilvusStoreException(Reason.NOT_FOUND, "Milvus at " + options.uri() + " has no collection '"
            + alias + "'; build it with: " + rebuild(options.uri()), null);
      }
      return alias;
    });
    MilvusOps.CollectionFacts facts = checkedFacts(ops, options, target, expected);
    ops.load(target);
    return new MilvusIndex(ops, options, params, expected, facts.dimension(), target, count(ops, target));
  }

  static MilvusIndex build(MilvusOps ops, MilvusOptions options, MilvusIndexParams params, MilvusCatalog catalog,
      String modelFingerprint, int batchSize, Instant now, BuildProgress progress) {
    String name = Reindex.run(ops, options.collection(), params, catalog, modelFingerprint, batchSize, now, progress,
        previous -> SearchedCollections.retire(options.uri(), previous));
    return new MilvusIndex(ops, options, params, modelFingerprint, catalog.dimension(), name, catalog.size());
  }

  @Override
  public IndexInfo info() {
    return new IndexInfo(BACKEND, dimension, modelFingerprint, size);
  }

  /** The collection searched now: the one the alias named when this index was opened or last followed it. */
  public String collection() {
    return collection;
  }

  @Override
  public List<Neighbor> search(VectorQuery query) {
    requireOpen();
    if (query.dimension() != dimension) {
      throw new IllegalArgumentException(
          "query vector has dimension " + query.dimension() + " but the index holds vectors of dimension " + dimension);
    }
    String filter = MilvusFilter.expression(query.filter());
    float[] vector = query.vector();
    int cap = Math.max(1, Math.min(MAX_LIMIT, size));
    int limit = (int) Math.min(cap, (long) query.k() + TIE_MARGIN);
    while (true) {
      int asked = limit;
      List<Neighbor> sorted = Ranking.sorted(onCurrent(name -> ops.search(name, vector, asked, filter,
          MilvusSchema.searchParams(params, asked))));
      if (limit == cap || !Ranking.tieMayCrossTheCut(sorted, query.k(), limit)) {
        return Ranking.best(sorted, query.k());
      }
      limit = (int) Math.min(cap, 2L * limit);
    }
  }

  /**
   * Adds a movie to the collection, or replaces the movie with its id; searches from this index see it at once
   * (session consistency), other clients once Milvus has consumed the write, usually within a second. A build running
   * at the same time does not include it.
   *
   * @param title the movie's title, at most 512 UTF-8 bytes
   * @throws IllegalArgumentException when the vector's dimension is not the index's or the title is too long
   * @throws MilvusStoreException when Milvus fails
   */
  @Override
  public void add(IndexedMovie movie, String title) {
    requireOpen();
    Objects.requireNonNull(movie, "movie");
    if (movie.dimension() != dimension) {
      throw new IllegalArgumentException("movie " + movie.movieId() + " has a vector of dimension "
          + movie.dimension() + " but the index holds vectors of dimension " + dimension);
    }
    var row = MilvusSchema.row(movie, title);
    onCurrent(name -> {
      ops.upsert(name, List.of(row));
      size = count(ops, name);
      return null;
    });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      String last = collection;
      try {
        if (SearchedCollections.closed(options.uri(), last)) {
          ops.dropCollection(last); // retired by a rebuild while this index searched it
        }
      } catch (MilvusStoreException e) {
        // the new collection is in service; the old one only takes space (as when Reindex cannot drop it)
        System.getLogger(MilvusIndex.class.getName()).log(System.Logger.Level.WARNING, "could not drop the retired "
            + "Milvus collection '" + last + "' at " + options.uri() + ": " + e.getMessage());
      } finally {
        ops.close();
      }
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the Milvus index '" + options.collection() + "' at " + options.uri()
          + " is closed");
    }
  }

  /** Runs {@code call} on the current collection; if it is gone, follows the alias once and runs it again. */
  private <T> T onCurrent(Function<String, T> call) {
    String name = collection;
    try {
      return call.apply(name);
    } catch (MilvusStoreException e) {
      if (e.reason() != Reason.NOT_FOUND) {
        throw e;
      }
      return call.apply(followAlias(name, e));
    }
  }

  /** The collection the alias names now, if it replaced {@code gone} and comes from this index's model. */
  private synchronized String followAlias(String gone, MilvusStoreException notFound) {
    if (!collection.equals(gone)) {
      return collection; // another thread followed it already
    }
    String target = ops.aliasTarget(options.collection()).orElseThrow(() -> notFound);
    if (target.equals(gone)) {
      throw notFound;
    }
    MilvusOps.CollectionFacts facts = checkedFacts(ops, options, target, modelFingerprint);
    if (facts.dimension() != dimension) {
      throw new IllegalStateException("the Milvus collection '" + options.collection() + "' at " + options.uri()
          + " was rebuilt with vectors of dimension " + facts.dimension() + " instead of " + dimension
          + "; reopen it");
    }
    size = count(ops, target);
    SearchedCollections.opened(options.uri(), target);
    SearchedCollections.closed(options.uri(), gone); // dropped already, elsewhere: nothing to drop
    collection = target;
    return target;
  }

  private static MilvusOps.CollectionFacts checkedFacts(MilvusOps ops, MilvusOptions options, String target,
      String expected) {
    MilvusOps.CollectionFacts facts = ops.describe(target);
    String where = "cannot use the Milvus collection '" + options.collection() + "'"
        + (target.equals(options.collection()) ? "" : " ('" + target + "')") + " at " + options.uri() + ": ";
    String fingerprint = MilvusSchema.fingerprintOf(facts.description()).orElseThrow(() -> new IllegalStateException(
        where + "it was not written by MovieRec (its description is '" + facts.description() + "'); rebuild it "
            + "with: " + rebuild(options.uri()) + ", or choose another collection name"));
    if (!fingerprint.equals(expected)) {
      throw new IllegalStateException(where + "it was built from model " + fingerprint + " but the model in use is "
          + expected + "; rebuild it with: " + rebuild(options.uri()));
    }
    if (facts.dimension() < MilvusSchema.MIN_DIMENSION) {
      throw new IllegalStateException(where + "its vector field '" + MilvusSchema.VECTOR + "' is missing or has "
          + "dimension " + facts.dimension() + "; rebuild it with: " + rebuild(options.uri()));
    }
    return facts;
  }

  private static int count(MilvusOps ops, String collection) {
    return Math.toIntExact(ops.count(collection));
  }
}
