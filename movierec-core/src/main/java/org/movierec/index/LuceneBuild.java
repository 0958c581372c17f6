package org.movierec.index;

import java.io.IOException;
import java.nio.file.Path;
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

/** Writes the Lucene files and the manifest of a {@link LuceneIndex} into an empty directory. */
final class LuceneBuild {
  private LuceneBuild() {}

  static void writeInto(Path emptyDir, Catalog catalog, String modelFingerprint, HnswParams hnsw)
      throws IOException {
    try (Directory directory = FSDirectory.open(emptyDir);
        IndexWriter writer = new IndexWriter(directory, config(hnsw))) {
      for (IndexedMovie movie : catalog.movies()) {
        writer.addDocument(LuceneSchema.document(movie));
      }
      writer.forceMerge(1); // one segment, one graph: the same answers on every build
      writer.commit();
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

  /** The largest vector dimension the HNSW format accepts. */
  static int maxDimension() {
    return new Lucene99HnswVectorsFormat().getMaxDimensions(LuceneSchema.VECTOR);
  }

  private static IndexWriterConfig config(HnswParams hnsw) {
    KnnVectorsFormat vectors = hnsw.quantized()
        ? new Lucene99HnswScalarQuantizedVectorsFormat(hnsw.maxConn(), hnsw.beamWidth()) // 7 bits, int8 storage
        : new Lucene99HnswVectorsFormat(hnsw.maxConn(), hnsw.beamWidth());
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
        .setRAMBufferSizeMB(256);
  }
}
