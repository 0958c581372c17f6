package org.movierec.index.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq.CollectionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A Milvus that records every call as a line ("insert c 2 rows") and keeps just enough state (collections, aliases,
 * descriptions, row counts) for the adapter's logic; searches answer from {@link #answers}. {@link #failOn} makes the
 * first call starting with a prefix throw.
 */
final class FakeOps implements MilvusOps {
  final List<String> calls = new ArrayList<>();
  final Map<String, String> aliases = new HashMap<>();
  final Map<String, String> descriptions = new HashMap<>();
  final Map<String, Integer> dimensions = new HashMap<>();
  final Map<String, Long> counts = new HashMap<>();
  final Set<String> collections = new HashSet<>();
  final List<List<JsonObject>> inserted = new ArrayList<>();
  final List<Map<String, Object>> searchParams = new ArrayList<>();
  Function<Integer, List<Hit>> answers = limit -> List.of();
  String failOn;
  RuntimeException failure;
  boolean closed;

  /** A collection MovieRec built from {@code fingerprint}, behind {@code alias}. */
  FakeOps withCollection(String alias, String name, String fingerprint, int dimension, long count) {
    collections.add(name);
    aliases.put(alias, name);
    descriptions.put(name, MilvusSchema.description(fingerprint));
    dimensions.put(name, dimension);
    counts.put(name, count);
    return this;
  }

  private void record(String call) {
    calls.add(call);
    if (failOn != null && call.startsWith(failOn)) {
      failOn = null;
      throw failure;
    }
  }

  @Override
  public Optional<String> aliasTarget(String alias) {
    record("aliasTarget " + alias);
    return Optional.ofNullable(aliases.get(alias));
  }

  @Override
  public boolean hasCollection(String name) {
    record("hasCollection " + name);
    return collections.contains(name) || aliases.containsKey(name);
  }

  @Override
  public void createCollection(String name, CollectionSchema schema, String description) {
    record("createCollection " + name);
    collections.add(name);
    descriptions.put(name, description);
    dimensions.put(name, schema.getField(MilvusSchema.VECTOR).getDimension());
    counts.put(name, 0L);
  }

  @Override
  public void insert(String collection, List<JsonObject> rows) {
    record("insert " + collection + " " + rows.size() + " rows");
    inserted.add(rows);
    counts.merge(collection, (long) rows.size(), Long::sum);
  }

  @Override
  public void upsert(String collection, List<JsonObject> rows) {
    record("upsert " + collection + " " + rows.size() + " rows");
    inserted.add(rows);
    counts.merge(collection, (long) rows.size(), Long::sum);
  }

  @Override
  public void flush(String collection) {
    record("flush " + collection);
  }

  @Override
  public void createIndex(String collection, List<IndexParam> indexes) {
    record("createIndex " + collection + " " + indexes.get(0).getIndexType());
  }

  @Override
  public void load(String collection) {
    record("load " + collection);
  }

  @Override
  public void createAlias(String alias, String collection) {
    record("createAlias " + alias + " -> " + collection);
    aliases.put(alias, collection);
  }

  @Override
  public void alterAlias(String alias, String collection) {
    record("alterAlias " + alias + " -> " + collection);
    aliases.put(alias, collection);
  }

  @Override
  public void dropCollection(String name) {
    record("dropCollection " + name);
    collections.remove(name);
  }

  @Override
  public CollectionFacts describe(String collection) {
    record("describe " + collection);
    return new CollectionFacts(collection, descriptions.get(collection), dimensions.getOrDefault(collection, 0));
  }

  @Override
  public long count(String collection) {
    record("count " + collection);
    return counts.getOrDefault(collection, 0L);
  }

  @Override
  public List<Hit> search(String collection, float[] vector, int limit, String filter,
      Map<String, Object> params) {
    record("search " + collection + " limit " + limit + " filter [" + filter + "]");
    searchParams.add(params);
    return answers.apply(limit);
  }

  @Override
  public void close() {
    closed = true;
  }
}
