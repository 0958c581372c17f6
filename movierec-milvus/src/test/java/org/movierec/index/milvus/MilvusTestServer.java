package org.movierec.index.milvus;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.utility.request.DropAliasReq;
import io.milvus.v2.service.utility.request.ListAliasesReq;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live server of the {@code *IT} tests: options for a fresh alias per build, and a clean-up that drops every
 * alias and collection those builds made.
 */
public final class MilvusTestServer {
  /** Why the live tests are skipped. */
  public static final String SKIPPED = "MILVUS_URI is not set: no Milvus server to test against "
      + "(e.g. MILVUS_URI=http://localhost:19530, plus MILVUS_TOKEN if it authenticates)";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final List<String> aliases = new ArrayList<>();

  /** Options for the server, with an alias no other test uses. */
  public MilvusOptions options() {
    String alias = "movierec_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    aliases.add(alias);
    return MilvusOptions.of(System.getenv("MILVUS_URI")).withToken(System.getenv("MILVUS_TOKEN"))
        .withCollection(alias);
  }

  /** Drops the aliases handed out and every collection whose name starts with one of them. */
  public void dropEverythingBuilt() {
    if (aliases.isEmpty()) {
      return;
    }
    ConnectConfig.ConnectConfigBuilder config = ConnectConfig.builder().uri(System.getenv("MILVUS_URI"));
    String token = System.getenv("MILVUS_TOKEN");
    if (token != null && !token.isEmpty()) {
      config.token(token);
    }
    MilvusClientV2 client = new MilvusClientV2(config.build());
    try {
      for (String alias : aliases) {
        for (String name : client.listCollections().getCollectionNames()) {
          if (name.startsWith(alias + "_")) {
            for (String a : client.listAliases(ListAliasesReq.builder().collectionName(name).build()).getAlias()) {
              client.dropAlias(DropAliasReq.builder().alias(a).build());
            }
            client.dropCollection(DropCollectionReq.builder().collectionName(name).build());
          }
        }
      }
      aliases.clear();
    } finally {
      client.close();
    }
  }
}
