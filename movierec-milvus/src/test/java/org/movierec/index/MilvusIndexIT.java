package org.movierec.index;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.movierec.index.milvus.BuildProgress;
import org.movierec.index.milvus.MilvusIndex;
import org.movierec.index.milvus.MilvusIndexParams;
import org.movierec.index.milvus.MilvusOptions;
import org.movierec.index.milvus.MilvusTestServer;

/**
 * The contract every index passes, on a live Milvus server: each test builds its catalogs into fresh collections
 * (HNSW, the default) behind aliases of its own, and drops them afterwards. Runs only when MILVUS_URI is set (e.g.
 * {@code MILVUS_URI=http://localhost:19530}; MILVUS_TOKEN when the server authenticates).
 */
@EnabledIfEnvironmentVariable(named = "MILVUS_URI", matches = ".+", disabledReason = MilvusTestServer.SKIPPED)
class MilvusIndexIT extends VectorIndexContractTest {
  private final MilvusTestServer server = new MilvusTestServer();

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    MilvusOptions options = server.options();
    return MilvusIndex.build(options, MilvusIndexParams.defaults(), movies, Map.of(), modelFingerprint,
        BuildProgress.NONE);
  }

  @Override
  protected String backend() {
    return MilvusIndex.BACKEND;
  }

  @Override
  protected double minimumRecallAt10() {
    return 0.95;
  }

  @AfterEach
  void dropCollections() {
    server.dropEverythingBuilt();
  }
}
