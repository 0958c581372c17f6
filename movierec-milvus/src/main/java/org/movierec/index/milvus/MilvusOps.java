package org.movierec.index.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq.CollectionSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Milvus calls MovieRec makes, one method per call, so that {@link MilvusIndex} and {@link Reindex} can be tested
 * against a recording fake. {@link SdkOps} makes them with the SDK's {@code MilvusClientV2}. Every method may throw
 * {@link MilvusStoreException}; implementations are safe for concurrent use.
 */
interface MilvusOps extends AutoCloseable {

  /** A search hit as Milvus reports it: the primary key and the metric's score. */
  record Hit(long id, Float score) {}

  /** What {@link #describe} reads from a collection. */
  record CollectionFacts(String name, String description, int dimension) {}

  /** The collection an alias points to, or empty when there is no such alias. */
  Optional<String> aliasTarget(String alias);

  /** Whether a collection (or an alias) of this name exists. */
  boolean hasCollection(String name);

  /** Creates an empty collection, neither indexed nor loaded. */
  void createCollection(String name, CollectionSchema schema, String description);

  /** Inserts rows (new primary keys). */
  void insert(String collection, List<JsonObject> rows);

  /** Inserts rows, replacing those with the same primary keys. */
  void upsert(String collection, List<JsonObject> rows);

  /** Seals what was inserted so that it is persisted and indexed. */
  void flush(String collection);

  /** Builds the indexes and waits until they are built. */
  void createIndex(String collection, List<IndexParam> indexes);

  /** Loads the collection for searching and waits until it is loaded. */
  void load(String collection);

  void createAlias(String alias, String collection);

  /** Points an existing alias to another collection, in one step. */
  void alterAlias(String alias, String collection);

  void dropCollection(String name);

  /** The collection's actual name (an alias resolved), its description and the dimension of its vector field. */
  CollectionFacts describe(String collection);

  /** The number of rows, counting everything written so far. */
  long count(String collection);

  /**
   * The {@code limit} rows of best score for {@code vector}, in Milvus's order, among those {@code filter} accepts
   * (empty: every row).
   */
  List<Hit> search(String collection, float[] vector, int limit, String filter, Map<String, Object> searchParams);

  @Override
  void close();
}
