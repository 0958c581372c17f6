package org.movierec.index.milvus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Milvus collections this process is searching (by server URI and collection name), counted per open {@link
 * MilvusIndex}, so that a rebuild does not drop the collection a running model still searches: the previous
 * collection of a rebuild is then marked retired and dropped by the last index that closes it. In a server that is
 * a hot swap's old model, closed when its last request ends; its requests in flight finish on their own collection.
 * Thread-safe; one per process.
 */
final class SearchedCollections {
  private static final Map<String, Integer> OPEN = new HashMap<>();
  private static final Set<String> RETIRED = new HashSet<>();

  private SearchedCollections() {}

  private static String key(String uri, String collection) {
    return uri + '\u0000' + collection;
  }

  /** An index of this process searches {@code collection} from now on. */
  static synchronized void opened(String uri, String collection) {
    OPEN.merge(key(uri, collection), 1, Integer::sum);
  }

  /**
   * An index of this process no longer searches {@code collection}.
   *
   * @return whether the caller must drop it now: it was retired by a rebuild and this was its last searcher here
   */
  static synchronized boolean closed(String uri, String collection) {
    String key = key(uri, collection);
    Integer left = OPEN.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    return left == null && RETIRED.remove(key);
  }

  /**
   * A rebuild has moved the alias away from {@code collection}.
   *
   * @return true when an index of this process still searches it (it is then dropped when the last one closes), false
   *     when the caller must drop it now
   */
  static synchronized boolean retire(String uri, String collection) {
    String key = key(uri, collection);
    if (!OPEN.containsKey(key)) {
      return false;
    }
    RETIRED.add(key);
    return true;
  }

  /** How many indexes of this process search {@code collection}: for tests. */
  static synchronized int searchers(String uri, String collection) {
    return OPEN.getOrDefault(key(uri, collection), 0);
  }
}
