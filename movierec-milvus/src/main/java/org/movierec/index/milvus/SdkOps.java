package org.movierec.index.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.client.RetryConfig;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq.CollectionSchema;
import io.milvus.v2.service.collection.request.CreateCollectionReq.FieldSchema;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.utility.request.AlterAliasReq;
import io.milvus.v2.service.utility.request.CreateAliasReq;
import io.milvus.v2.service.utility.request.DescribeAliasReq;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.movierec.index.milvus.MilvusStoreException.Reason;

/**
 * {@link MilvusOps} through the SDK's {@link MilvusClientV2}, one client (one gRPC channel, safe for concurrent calls)
 * per instance. The client does not retry ({@code maxRetryTimes} 1): the SDK 2.6 retry loop can end by returning no
 * response at all, and MovieRec prefers one clear error. Every call has the request timeout as its gRPC deadline;
 * without one, a call to a server that went away would wait for ever.
 *
 * <p>Writes and searches use {@link ConsistencyLevel#SESSION}: a search sees what this client wrote (a movie just
 * added) without waiting for the whole cluster, as {@code STRONG} would; a build flushes before it loads, so other
 * clients see every movie of it.
 */
final class SdkOps implements MilvusOps {
  private static final String COUNT = "count(*)";

  private final MilvusClientV2 client;
  private final MilvusOptions options;

  private SdkOps(MilvusClientV2 client, MilvusOptions options) {
    this.client = client;
    this.options = options;
  }

  /**
   * Connects to {@code options.uri()}.
   *
   * @throws MilvusStoreException when the server cannot be reached within the connect timeout or refuses the
   *     credentials
   */
  static SdkOps connect(MilvusOptions options) {
    ConnectConfig.ConnectConfigBuilder config = ConnectConfig.builder()
        .uri(options.uri())
        .connectTimeoutMs(options.connectTimeout().toMillis())
        .rpcDeadlineMs(options.requestTimeout().toMillis());
    if (options.authenticates()) {
      config.token(options.token());
    }
    MilvusClientV2 client;
    try {
      client = new MilvusClientV2(config.build());
    } catch (RuntimeException e) {
      throw MilvusErrors.translate(options.uri(), "connect", options.connectTimeout(), e);
    }
    client.retryConfig(RetryConfig.builder().maxRetryTimes(1).build());
    return new SdkOps(client, options);
  }

  @Override
  public Optional<String> aliasTarget(String alias) {
    try {
      return Optional.of(call("look up the alias '" + alias + "'",
          () -> client.describeAlias(DescribeAliasReq.builder().alias(alias).build()).getCollectionName()));
    } catch (MilvusStoreException e) {
      if (e.reason() == Reason.NOT_FOUND || isMissingAlias(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean hasCollection(String name) {
    return call("check for the collection '" + name + "'",
        () -> client.hasCollection(HasCollectionReq.builder().collectionName(name).build()));
  }

  @Override
  public void createCollection(String name, CollectionSchema schema, String description) {
    run("create the collection '" + name + "'", () -> client.createCollection(CreateCollectionReq.builder()
        .collectionName(name).collectionSchema(schema).description(description)
        .consistencyLevel(ConsistencyLevel.SESSION).build()));
  }

  @Override
  public void insert(String collection, List<JsonObject> rows) {
    long inserted = call("insert " + rows.size() + " movies into '" + collection + "'",
        () -> client.insert(InsertReq.builder().collectionName(collection).data(rows).build()).getInsertCnt());
    if (inserted != rows.size()) {
      throw new MilvusStoreException(Reason.SERVER, "Milvus at " + options.uri() + " inserted " + inserted + " of "
          + rows.size() + " movies into '" + collection + "'", null);
    }
  }

  @Override
  public void upsert(String collection, List<JsonObject> rows) {
    run("upsert " + rows.size() + " movies into '" + collection + "'",
        () -> client.upsert(UpsertReq.builder().collectionName(collection).data(rows).build()));
  }

  @Override
  public void flush(String collection) {
    run("flush '" + collection + "'", () -> client.flush(FlushReq.builder().collectionNames(List.of(collection))
        .waitFlushedTimeoutMs(options.buildTimeout().toMillis()).build()));
  }

  @Override
  public void createIndex(String collection, List<IndexParam> indexes) {
    run("build the vector index of '" + collection + "'", options.buildTimeout(), () -> client.createIndex(
        CreateIndexReq.builder().collectionName(collection).indexParams(indexes).sync(true)
            .timeout(options.buildTimeout().toMillis()).build()));
  }

  @Override
  public void load(String collection) {
    run("load '" + collection + "'", options.buildTimeout(), () -> client.loadCollection(LoadCollectionReq.builder()
        .collectionName(collection).sync(true).timeout(options.buildTimeout().toMillis()).build()));
  }

  @Override
  public void createAlias(String alias, String collection) {
    run("create the alias '" + alias + "' of '" + collection + "'",
        () -> client.createAlias(CreateAliasReq.builder().alias(alias).collectionName(collection).build()));
  }

  @Override
  public void alterAlias(String alias, String collection) {
    run("point the alias '" + alias + "' to '" + collection + "'",
        () -> client.alterAlias(AlterAliasReq.builder().alias(alias).collectionName(collection).build()));
  }

  @Override
  public void dropCollection(String name) {
    run("drop the collection '" + name + "'",
        () -> client.dropCollection(DropCollectionReq.builder().collectionName(name).build()));
  }

  @Override
  public CollectionFacts describe(String collection) {
    DescribeCollectionResp d = call("describe the collection '" + collection + "'",
        () -> client.describeCollection(DescribeCollectionReq.builder().collectionName(collection).build()));
    FieldSchema vector = d.getCollectionSchema() == null ? null : d.getCollectionSchema().getField(MilvusSchema.VECTOR);
    int dimension = vector == null || vector.getDimension() == null ? 0 : vector.getDimension();
    return new CollectionFacts(d.getCollectionName(), d.getDescription(), dimension);
  }

  @Override
  public long count(String collection) {
    return call("count the movies of '" + collection + "'", () -> {
      var results = client.query(QueryReq.builder().collectionName(collection).outputFields(List.of(COUNT))
          .consistencyLevel(ConsistencyLevel.STRONG).build()).getQueryResults();
      return ((Number) results.get(0).getEntity().get(COUNT)).longValue();
    });
  }

  @Override
  public List<Hit> search(String collection, float[] vector, int limit, String filter,
      Map<String, Object> searchParams) {
    return call("search '" + collection + "'", () -> {
      SearchReq.SearchReqBuilder request = SearchReq.builder().collectionName(collection).annsField(MilvusSchema.VECTOR)
          .metricType(IndexParam.MetricType.IP).data(List.of(new FloatVec(vector))).limit(limit)
          .searchParams(searchParams).outputFields(List.of()).consistencyLevel(ConsistencyLevel.SESSION);
      if (!filter.isEmpty()) {
        request.filter(filter);
      }
      List<List<SearchResp.SearchResult>> perQuery = client.search(request.build()).getSearchResults();
      List<Hit> hits = new ArrayList<>();
      if (!perQuery.isEmpty()) {
        for (SearchResp.SearchResult r : perQuery.get(0)) {
          hits.add(new Hit(((Number) r.getId()).longValue(), r.getScore()));
        }
      }
      return hits;
    });
  }

  @Override
  public void close() {
    try {
      client.close(options.connectTimeout().toSeconds() + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // closing a channel that never worked: nothing left to release
    }
  }

  private void run(String action, Runnable call) {
    run(action, options.requestTimeout(), call);
  }

  private void run(String action, Duration timeout, Runnable call) {
    call(action, timeout, () -> {
      call.run();
      return null;
    });
  }

  private <T> T call(String action, Supplier<T> call) {
    return call(action, options.requestTimeout(), call);
  }

  private <T> T call(String action, Duration timeout, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      throw MilvusErrors.translate(options.uri(), action, timeout, e);
    }
    return result;
  }

  private static boolean isMissingAlias(MilvusStoreException e) {
    String text = e.getMessage();
    return e.reason() == Reason.SERVER && text != null
        && (text.contains("alias not found") || text.contains("does not exist") || text.contains("not exist"));
  }
}
