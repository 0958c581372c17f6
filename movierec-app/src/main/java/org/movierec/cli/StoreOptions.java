package org.movierec.cli;

import org.movierec.index.milvus.MilvusIndexParams;
import org.movierec.index.milvus.MilvusOptions;
import org.movierec.index.milvus.MilvusStore;
import org.movierec.recommend.LuceneStore;
import org.movierec.recommend.VectorStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the movie vectors are stored and searched, shared by {@code index}, {@code recommend}, {@code quickstart} and
 * {@code serve}: the embedded Lucene index in the model directory (default) or a Milvus collection.
 */
final class StoreOptions {
  /** Read when {@code --milvus-token} is not given, so that the token need not be on the command line. */
  static final String TOKEN_VARIABLE = "MILVUS_TOKEN";

  enum Store { lucene, milvus }

  enum MilvusIndexType { hnsw, flat }

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--store", paramLabel = "STORE", description = "Where the movie vectors are searched: lucene (an"
      + " embedded index in MODEL_DIR/index) or milvus (a Milvus collection; needs --milvus-uri). Default:"
      + " ${DEFAULT-VALUE}.")
  Store store = Store.lucene;

  @Option(names = "--milvus-uri", paramLabel = "URI", description = "The Milvus server, e.g. http://localhost:19530.")
  String milvusUri;

  @Option(names = "--milvus-token", paramLabel = "TOKEN", description = "Milvus credentials (user:password or an API"
      + " key); default: $" + TOKEN_VARIABLE + ", or none.")
  String milvusToken;

  @Option(names = "--collection", paramLabel = "NAME", description = "The Milvus collection (an alias switched to"
      + " each new build). Default: " + MilvusOptions.DEFAULT_COLLECTION + ".")
  String collection;

  @Option(names = "--milvus-index", paramLabel = "TYPE", description = "The Milvus index type: hnsw (default) or"
      + " flat (exact, for small catalogs).")
  MilvusIndexType milvusIndex = MilvusIndexType.hnsw;

  /** The store these options name; a usage error when Milvus options are missing or given without Milvus. */
  VectorStore resolve() {
    if (store == Store.lucene) {
      if (milvusUri != null || milvusToken != null || collection != null) {
        throw new ParameterException(spec.commandLine(), "--milvus-uri, --milvus-token and --collection need"
            + " --store milvus (the default store is the embedded Lucene index)");
      }
      return LuceneStore.INSTANCE;
    }
    if (milvusUri == null || milvusUri.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--store milvus needs --milvus-uri, e.g. --milvus-uri"
          + " http://localhost:19530");
    }
    MilvusOptions options;
    try {
      options = MilvusOptions.of(milvusUri);
      String token = milvusToken != null ? milvusToken : System.getenv(TOKEN_VARIABLE);
      if (token != null && !token.isEmpty()) {
        options = options.withToken(token);
      }
      if (collection != null) {
        options = options.withCollection(collection);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    MilvusIndexParams params = milvusIndex == MilvusIndexType.flat ? MilvusIndexParams.flat()
        : MilvusIndexParams.defaults();
    return new MilvusStore(options, params);
  }
}
