package org.movierec.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOUtils;

/**
 * Movie vectors in a Lucene HNSW graph on disk: the default backend.
 *
 * <p>{@link #write} builds a directory holding one Lucene segment and an {@code index-manifest.json}; {@link #open}
 * opens it read-only. A search asks the graph for more candidates than requested, with the filter pushed into the
 * Lucene query, then re-scores the candidates with the exact inner product (the vectors are kept in memory: about
 * 1 GiB per million movies of 257 dimensions), so scores equal {@link ExactIndex}'s and only recall is approximate.
 * The graph of a large catalog is built on every core and may walk projections of the vectors ({@link
 * HnswParams#forCatalog}); the re-scoring always uses the full vectors.
 *
 * <p>Searches may run from many threads; one reader is shared and closed by {@link #close}.
 */
public final class LuceneIndex implements VectorIndex {
  /** The {@link IndexInfo#backend()} of this index, also recorded in its manifest. */
  public static final String BACKEND = "lucene-hnsw";

  private static final String REBUILD = "movierec index --model DIR";
  private static final int MIN_CANDIDATES = 100;
  private static final int CANDIDATES_PER_RESULT = 4;
  /** The largest catalog, in vector elements (movies × dimension), that {@link #scans}: 4 Mi (a 4 MiB first pass). */
  static final long SCAN_MAX_VALUES = 1L << 22;

  private final Path dir;
  private final IndexInfo info;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final LuceneVectors vectors;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean small; // scanned rather than searched through the graph, unless a filter needs the graph
  private final GraphProjection projection; // of the query, for the graph; null when the graph has full vectors
  private volatile ExactScan scan; // built by the first search that scans

  private LuceneIndex(Path dir, IndexInfo info, Directory directory, DirectoryReader reader, LuceneVectors vectors,
      boolean small, GraphProjection projection) {
    this.dir = dir;
    this.info = info;
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.vectors = vectors;
    this.small = small;
    this.projection = projection;
  }

  /** {@link #write(Path, List, String, HnswParams)} with {@link HnswParams#forCatalog} of these movies. */
  public static void write(Path dir, List<IndexedMovie> movies, String modelFingerprint) {
    write(dir, movies, modelFingerprint, movies.isEmpty()
        ? HnswParams.defaults()
        : HnswParams.forCatalog(movies.size(), movies.getFirst().vector().length));
  }

  /**
   * Builds an index of {@code movies} at {@code dir}, replacing the index there, if any, only once the new one is
   * complete: a crash part way leaves the previous index intact.
   *
   * @throws IllegalArgumentException when the movies are empty, have repeated ids or mixed dimensions, or when {@code
   *     dir} exists and is not an index (it is never deleted then)
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Path dir, List<IndexedMovie> movies, String modelFingerprint, HnswParams hnsw) {
    write(dir, movies, modelFingerprint, hnsw, LuceneBuild.threadsFor(movies.size()));
  }

  /** {@link #write(Path, List, String, HnswParams)} by {@code buildThreads} threads (see {@link LuceneBuild}). */
  static void write(Path dir, List<IndexedMovie> movies, String modelFingerprint, HnswParams hnsw, int buildThreads) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    Objects.requireNonNull(hnsw, "hnsw");
    Catalog catalog = Catalog.of(movies);
    if (catalog.dimension() > LuceneBuild.maxDimension()) {
      throw new IllegalArgumentException("Lucene HNSW indexes at most " + LuceneBuild.maxDimension()
          + " dimensions, got: " + catalog.dimension());
    }
    Path target = dir.toAbsolutePath().normalize();
    try {
      requireReplaceable(target);
      DirectorySwap.replace(target, tmp -> LuceneBuild.writeInto(tmp, catalog, modelFingerprint, hnsw, buildThreads));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the vector index at " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the index at {@code dir} for searching, read-only.
   *
   * @param expectedModelFingerprint the fingerprint of the model whose user vectors will be the queries; an index
   *     built from another model is refused
   * @throws IllegalStateException when there is no index at {@code dir}, its manifest is missing, corrupt, of another
   *     format version or another model, or its Lucene files are damaged; the message names the path and says how to
   *     rebuild
   * @throws UncheckedIOException on other IO errors
   */
  public static LuceneIndex open(Path dir, String expectedModelFingerprint) {
    return open(dir, expectedModelFingerprint, SCAN_MAX_VALUES);
  }

  /** {@link #open(Path, String)}, scanning catalogs of at most {@code scanMaxValues} vector elements (0: never). */
  static LuceneIndex open(Path dir, String expectedModelFingerprint, long scanMaxValues) {
    Objects.requireNonNull(expectedModelFingerprint, "expectedModelFingerprint");
    Path path = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    IndexManifest manifest = readManifest(path);
    checkManifest(path, manifest, expectedModelFingerprint);
    Directory directory = null;
    DirectoryReader reader = null;
    try {
      directory = FSDirectory.open(path);
      reader = DirectoryReader.open(directory);
      boolean projected = manifest.hnsw() != null && manifest.hnsw().projects(manifest.dimension());
      GraphProjection projection = projected
          ? GraphProjection.read(directory, manifest.dimension(), manifest.hnsw().graphDimension())
          : null;
      LuceneVectors vectors = LuceneVectors.load(reader, manifest.dimension(), projected);
      if (vectors.size() != manifest.size()) {
        throw unusable(path, "its manifest says " + manifest.size() + " movies but the Lucene files hold "
            + vectors.size());
      }
      IndexInfo info = new IndexInfo(BACKEND, manifest.dimension(), manifest.modelFingerprint(), vectors.size());
      return new LuceneIndex(path, info, directory, reader, vectors,
          (long) vectors.size() * manifest.dimension() <= scanMaxValues, projection);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(reader, directory);
      if (isDamage(e)) {
        throw unusable(path, "its Lucene files are damaged or incomplete (" + e.getMessage() + ")", e);
      }
      throw new UncheckedIOException("cannot read the vector index at " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(reader, directory);
      throw e;
    }
  }

  @Override
  public IndexInfo info() {
    return info;
  }

  @Override
  public List<Neighbor> search(VectorQuery query) {
    if (closed.get()) {
      throw new IllegalStateException("the vector index at " + dir + " is closed");
    }
    Queries.requireDimension(query, info.dimension());
    float[] target = query.vector();
    if (scans(query.filter())) {
      IntPredicate accepts = query.filter().excludedIds().isEmpty() ? doc -> true : acceptedDocs(query.filter())::get;
      return exactScan().search(target, query.k(), accepts, vectors.movieIds());
    }
    int candidates = (int) Math.min(info.size(), Math.max((long) query.k() * CANDIDATES_PER_RESULT, MIN_CANDIDATES));
    KnnFloatVectorQuery knn = new KnnFloatVectorQuery(LuceneSchema.VECTOR,
        projection == null ? target : projection.apply(target), candidates, filterQuery(query.filter()));
    TopDocs found;
    try {
      found = searcher.search(knn, candidates);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the vector index at " + dir + ": " + e.getMessage(), e);
    }
    int n = found.scoreDocs.length;
    int[] docs = new int[n];
    for (int i = 0; i < n; i++) {
      docs[i] = found.scoreDocs[i].doc;
    }
    float[] scores = new float[n];
    vectors.vectors().score(target, docs, n, scores);
    TopNeighbors top = new TopNeighbors(query.k(), n);
    for (int i = 0; i < n; i++) {
      top.offer(vectors.movieId(docs[i]), scores[i]);
    }
    return top.best();
  }

  /**
   * The Lucene filter of an {@link ItemFilter}: when it only excludes movies (a user's rated ones), the accepted
   * documents as a bit set ({@link AcceptedDocsQuery}); else {@link LuceneSchema#filterQuery}. Both accept the same
   * documents, so the search finds the same movies.
   */
  private Query filterQuery(ItemFilter filter) {
    if (filter.excludedIds().isEmpty() || !filter.genres().isEmpty() || filter.hasYearBound()) {
      return LuceneSchema.filterQuery(filter);
    }
    return new AcceptedDocsQuery(acceptedDocs(filter));
  }

  /**
   * Whether this search scans every vector instead of walking the graph: on a catalog of at most {@link
   * #SCAN_MAX_VALUES} vector elements, a query that at most excludes movies (a known user's rated ones). Measured on
   * ml-1m's 3,883 movies (JMH {@code RecommendBenchmark}): the scan takes 34 µs at the median, the graph 49 µs, and
   * the graph slows down as excluded movies cut its paths (a known user's p99 was 0.6-1.3 ms) while the scan does not
   * depend on the filter; Lucene itself scans when a filter leaves few documents. Both return the same movies and
   * scores, the scan exactly so. Genre and year filters, whose fields live in Lucene, take the graph.
   */
  private boolean scans(ItemFilter filter) {
    return small && filter.genres().isEmpty() && !filter.hasYearBound();
  }

  private ExactScan exactScan() {
    ExactScan s = scan;
    if (s == null) {
      synchronized (this) {
        s = scan;
        if (s == null) {
          scan = s = new ExactScan(vectors.vectors());
        }
      }
    }
    return s;
  }

  /** Every document but those of the filter's excluded ids. */
  private FixedBitSet acceptedDocs(ItemFilter filter) {
    int docs = vectors.size();
    FixedBitSet accepted = new FixedBitSet(docs);
    accepted.set(0, docs);
    for (int id : filter.excludedIds()) {
      int doc = vectors.doc(id);
      if (doc >= 0) {
        accepted.clear(doc);
      }
    }
    return accepted;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        IOUtils.close(reader, directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the vector index at " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static void requireReplaceable(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException("cannot write a vector index at " + target + ": it is a file");
    }
    boolean empty;
    try (var entries = Files.list(target)) {
      empty = entries.findAny().isEmpty();
    }
    if (!empty && !Files.exists(target.resolve(IndexManifest.FILE_NAME))) {
      throw new IllegalArgumentException("refusing to replace " + target + ": it is not empty and holds no "
          + IndexManifest.FILE_NAME + ", so it is not a vector index; choose another directory");
    }
  }

  private static IndexManifest readManifest(Path path) {
    if (!Files.isDirectory(path)) {
      String leftover = leftoverNote(path);
      throw new IllegalStateException("no vector index at " + path + ": "
          + (Files.exists(path) ? "it is not a directory" : "the directory does not exist") + leftover
          + "; build it with: " + REBUILD);
    }
    Path file = path.resolve(IndexManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw unusable(path, "it has no " + IndexManifest.FILE_NAME);
    }
    try {
      return IndexManifest.readFrom(path);
    } catch (JsonProcessingException e) {
      throw unusable(path, "its manifest " + file.getFileName() + " is corrupt (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkManifest(Path path, IndexManifest manifest, String expectedFingerprint) {
    if (manifest.formatVersion() != IndexManifest.FORMAT_VERSION) {
      throw unusable(path, "it has index format version " + manifest.formatVersion() + " but this MovieRec reads "
          + "version " + IndexManifest.FORMAT_VERSION);
    }
    if (!BACKEND.equals(manifest.backend())) {
      throw unusable(path, "it is a '" + manifest.backend() + "' index, not " + BACKEND);
    }
    if (manifest.modelFingerprint() == null || manifest.dimension() < 1 || manifest.size() < 1) {
      throw unusable(path, "its manifest lacks the model fingerprint, dimension or size");
    }
    if (!manifest.modelFingerprint().equals(expectedFingerprint)) {
      throw unusable(path, "it was built from model " + manifest.modelFingerprint() + " but the model in use is "
          + expectedFingerprint);
    }
  }

  private static boolean isDamage(IOException e) {
    return e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof EOFException
        || e instanceof NoSuchFileException
        || e instanceof FileNotFoundException; // includes IndexNotFoundException: no segments file
  }

  private static String leftoverNote(Path path) {
    try {
      List<Path> leftovers = DirectorySwap.leftovers(path);
      return leftovers.isEmpty() ? "" : " (an interrupted write left " + leftovers + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static IllegalStateException unusable(Path path, String why) {
    return unusable(path, why, null);
  }

  private static IllegalStateException unusable(Path path, String why, Throwable cause) {
    return new IllegalStateException(
        "cannot use the vector index at " + path + ": " + why + "; rebuild it with: " + REBUILD, cause);
  }
}
