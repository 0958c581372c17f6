package org.movierec.data;

import java.util.Arrays;

/**
 * External ids (movie ids or user ids) and the dense rows that stand for them in embedding tables, in one place.
 * Row 0 is reserved for "unknown": an id that is not in the index maps to row 0, and known ids get rows 1..{@link
 * #size()} in ascending id order, so equal id sets always give equal rows. Immutable and safe to share between threads.
 */
public final class IdIndex {
  /** Ids at most this many times the count (plus a little) are looked up in a direct table, others by binary search. */
  private static final int DIRECT_TABLE_SLACK = 4;

  private final int[] ids;
  /** rowById[id] = row for 0 <= id < rowById.length, or null when lookups use binary search. */
  private final int[] rowById;

  private IdIndex(int[] sortedDistinct) {
    this.ids = sortedDistinct;
    int n = sortedDistinct.length;
    boolean direct = n > 0 && sortedDistinct[0] >= 0
        && sortedDistinct[n - 1] <= (long) DIRECT_TABLE_SLACK * n + 1024;
    if (direct) {
      rowById = new int[sortedDistinct[n - 1] + 1];
      for (int i = 0; i < n; i++) {
        rowById[sortedDistinct[i]] = i + 1;
      }
    } else {
      rowById = null;
    }
  }

  /** An index of the given ids, in any order and with repeats allowed; the array is not kept. */
  public static IdIndex of(int[] ids) {
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || sorted[i] != sorted[n - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return new IdIndex(Arrays.copyOf(sorted, n));
  }

  /** The row of an id: 1..{@link #size()} for a known id, 0 for an unknown one. */
  public int row(int id) {
    if (rowById != null) {
      return id >= 0 && id < rowById.length ? rowById[id] : 0;
    }
    int i = Arrays.binarySearch(ids, id);
    return i >= 0 ? i + 1 : 0;
  }

  /** The id of a known row. */
  public int id(int row) {
    if (row < 1 || row > ids.length) {
      throw new IllegalArgumentException(
          "row must be 1.." + ids.length + " (row 0 is reserved for unknown ids), got: " + row);
    }
    return ids[row - 1];
  }

  /** The number of known ids. */
  public int size() {
    return ids.length;
  }

  /** The number of rows an embedding table needs: {@link #size()} + 1 for the unknown row. */
  public int rows() {
    return ids.length + 1;
  }

  public boolean contains(int id) {
    return row(id) != 0;
  }

  /** The known ids, ascending; a fresh array the caller owns. */
  public int[] ids() {
    return ids.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return ids.length == 0
        ? "IdIndex[0 ids]"
        : "IdIndex[" + ids.length + " ids, " + ids[0] + ".." + ids[ids.length - 1] + "]";
  }
}
