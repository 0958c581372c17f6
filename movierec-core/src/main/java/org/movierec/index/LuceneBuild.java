package org.movierec.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

/**
 * Writes the Lucene files and the manifest of a {@link LuceneIndex} into an empty directory.
 *
 * <p>Catalogs of fewer than {@link #PARALLEL_MIN_MOVIES} movies are written by one thread into one segment: the same
 * graph, hence the same answers, on every build. Larger ones use every core: each thread adds a slice of the movies
 * into a segment of its own (building that slice's graph), then the segments are merged into one with as many graph
 * workers as threads. Their graph differs from build to build; the answers only where recall is not 1.
 */
final class LuceneBuild {
  /** The smallest catalog built with more than one thread. */
  static final int PARALLEL_MIN_MOVIES = 50_000;
  private static final int MAX_THREADS = 8;

  private LuceneBuild() {}

  /** One thread below {@link #PARALLEL_MIN_MOVIES} movies, else one per core (at most 8). */
  static int threadsFor(int movies) {
    return movies < PARALLEL_MIN_MOVIES ? 1 : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  static void writeInto(Path emptyDir, Catalog catalog, String modelFingerprint, HnswParams hnsw, int threads)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("build threads must be at least 1, got: " + threads);
    }
    GraphProjection projection = hnsw.projects(catalog.dimension())
        ? GraphProjection.fit(catalog.movies().stream().map(IndexedMovie::vector).toList(), hnsw.graphDimension())
        : null;
    ExecutorService workers = threads > 1 ? Executors.newFixedThreadPool(threads, LuceneBuild::daemon) : null;
    try (Directory directory = FSDirectory.open(emptyDir)) {
      try (IndexWriter writer = new IndexWriter(directory, config(hnsw, catalog, threads, workers))) {
        if (workers == null) {
          addSlice(writer, catalog.movies(), projection);
        } else {
          addInParallel(writer, catalog.movies(), projection, threads, workers);
        }
        writer.forceMerge(1); // one segment, one graph
        writer.commit();
      }
      if (projection != null) {
        projection.write(directory);
      }
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
    new IndexManifest(
            IndexManifest.FORMAT_VERSION,
            LuceneIndex.BACKEND,
            catalog.dimension(),
            catalog.size(),
            modelFingerprint,
            hnsw,
            Version.LATEST.toString())
        .writeTo(emptyDir);
  }

  private static void addSlice(IndexWriter writer, List<IndexedMovie> movies, GraphProjection projection)
      throws IOException {
    for (IndexedMovie movie : movies) {
      writer.addDocument(LuceneSchema.document(movie, projection));
    }
  }

  /** Each thread adds one contiguous slice: Lucene gives each its own in-memory segment, hence its own graph. */
  private static void addInParallel(IndexWriter writer, List<IndexedMovie> movies, GraphProjection projection,
      int threads, ExecutorService workers) throws IOException {
    List<Future<?>> slices = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      List<IndexedMovie> slice = movies.subList(
          (int) ((long) movies.size() * t / threads), (int) ((long) movies.size() * (t + 1) / threads));
      slices.add(workers.submit(() -> {
        addSlice(writer, slice, projection);
        return null;
      }));
    }
    for (Future<?> slice : slices) {
      try {
        slice.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building the vector index", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof UncheckedIOException io) {
          throw io.getCause();
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException("building the vector index failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "movierec-index-build");
    t.setDaemon(true);
    return t;
  }

  /** The largest vector dimension the HNSW format accepts. */
  static int maxDimension() {
    return new Lucene99HnswVectorsFormat().getMaxDimensions(LuceneSchema.VECTOR);
  }

  private static IndexWriterConfig config(HnswParams hnsw, Catalog catalog, int threads, ExecutorService workers) {
    int m = hnsw.maxConn();
    int beam = hnsw.beamWidth();
    KnnVectorsFormat vectors;
    if (hnsw.quantized()) {
      vectors = new Lucene99HnswScalarQuantizedVectorsFormat(m, beam, threads, 7, false, null, workers);
    } else {
      vectors = new Lucene99HnswVectorsFormat(m, beam, threads, workers);
    }
    return new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCodec(
            new Lucene103Codec() {
              @Override
              public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
              }
            })
        .setMergeScheduler(new SerialMergeScheduler())
        .setUseCompoundFile(false)
        .setRAMBufferSizeMB(ramBufferMb(catalog));
  }

  /**
   * Room for every thread's slice in one in-memory segment (vectors, graph and the rest at about twice the float
   * bytes), so that no slice is flushed in parts whose graphs the merge would rebuild; at least Lucene's 256 MB, at
   * most a third of the heap.
   */
  private static double ramBufferMb(Catalog catalog) {
    double needed = 2.0 * catalog.size() * catalog.dimension() * Float.BYTES / (1 << 20) + 64;
    double heapThird = Runtime.getRuntime().maxMemory() / 3.0 / (1 << 20);
    return Math.max(256, Math.min(needed, heapThird));
  }
}
