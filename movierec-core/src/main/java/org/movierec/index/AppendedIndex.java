package org.movierec.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An index built once (on disk, read-only) plus movies added since, searched as one: the added movies are scored
 * exactly, in memory, and merged with the base's results (a base that stores them too, a {@link GrowableIndex}, has
 * its copies of them dropped) in the order every index returns (higher score first,
 * equal scores by smaller movie id). Adding returns a new index sharing the base; the base is closed with the last
 * of them only by whoever opened it ({@link #close} closes nothing of the base). Immutable, safe from many threads
 * as the base is.
 */
public final class AppendedIndex implements VectorIndex {
  private final VectorIndex base;
  private final List<IndexedMovie> added;
  private final Set<Integer> addedIds;
  private final ExactIndex addedIndex;
  private final IndexInfo info;

  private AppendedIndex(VectorIndex base, List<IndexedMovie> added) {
    this.base = base;
    this.added = List.copyOf(added);
    this.addedIds = new HashSet<>();
    added.forEach(m -> addedIds.add(m.movieId()));
    IndexInfo b = base.info();
    this.addedIndex = added.isEmpty() ? null : ExactIndex.of(this.added, b.modelFingerprint());
    this.info = new IndexInfo(b.backend(), b.dimension(), b.modelFingerprint(), b.size() + added.size());
  }

  /** The base alone, nothing added yet. */
  public static AppendedIndex of(VectorIndex base) {
    return new AppendedIndex(Objects.requireNonNull(base, "base"), List.of());
  }

  /**
   * This index with one more movie, whose vector must have the base's dimension and whose id must be new to this
   * index (the caller knows the base's ids: they are its catalog's).
   */
  public AppendedIndex with(IndexedMovie movie) {
    Objects.requireNonNull(movie, "movie");
    if (movie.dimension() != info.dimension()) {
      throw new IllegalArgumentException("movie " + movie.movieId() + " has a vector of dimension "
          + movie.dimension() + ", the index holds dimension " + info.dimension());
    }
    for (IndexedMovie m : added) {
      if (m.movieId() == movie.movieId()) {
        throw new IllegalArgumentException("movie " + movie.movieId() + " was added to this index already");
      }
    }
    List<IndexedMovie> more = new ArrayList<>(added);
    more.add(movie);
    return new AppendedIndex(base, more);
  }

  /** The movies added to the base, in the order they were added. */
  public List<IndexedMovie> added() {
    return added;
  }

  @Override
  public IndexInfo info() {
    return info;
  }

  @Override
  public List<Neighbor> search(VectorQuery query) {
    List<Neighbor> fromBase = base.search(query);
    if (addedIndex == null) {
      return fromBase;
    }
    List<Neighbor> fromAdded = addedIndex.search(query);
    TopNeighbors top = new TopNeighbors(query.k(), fromBase.size() + fromAdded.size());
    for (Neighbor n : fromBase) {
      if (!addedIds.contains(n.movieId())) { // a growing base (Milvus) holds the added movies too: scored once
        top.offer(n.movieId(), n.score());
      }
    }
    for (Neighbor n : fromAdded) {
      top.offer(n.movieId(), n.score());
    }
    return top.best();
  }

  /** Closes nothing: the base belongs to whoever opened it. */
  @Override
  public void close() {}
}
