package org.movierec.eval;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixed candidate movies per user, for protocols that rank a sample rather than the whole catalog (the ncf protocol
 * ranks each user's held-out movie among 99 sampled ones). Immutable and safe to share between threads.
 */
public final class CandidateSets {
  /** No user has fixed candidates: every user ranks the catalog. */
  public static final CandidateSets NONE = new CandidateSets(new int[0], new int[0][]);

  /** Ascending user ids and, at the same index, their candidates ascending. */
  private final int[] userIds;
  private final int[][] movieIds;

  private CandidateSets(int[] userIds, int[][] movieIds) {
    this.userIds = userIds;
    this.movieIds = movieIds;
  }

  /**
   * The given candidates, copied.
   *
   * @throws IllegalArgumentException if a user's candidates repeat a movie
   */
  public static CandidateSets of(Map<Integer, int[]> byUser) {
    TreeMap<Integer, int[]> sorted = new TreeMap<>(byUser);
    int[] users = new int[sorted.size()];
    int[][] movies = new int[sorted.size()][];
    int i = 0;
    for (Map.Entry<Integer, int[]> e : sorted.entrySet()) {
      int[] m = e.getValue().clone();
      Arrays.sort(m);
      for (int j = 1; j < m.length; j++) {
        if (m[j] == m[j - 1]) {
          throw new IllegalArgumentException("the candidates of user " + e.getKey() + " repeat movie " + m[j]);
        }
      }
      users[i] = e.getKey();
      movies[i++] = m;
    }
    return new CandidateSets(users, movies);
  }

  /** Whether the user has fixed candidates. */
  public boolean has(int userId) {
    return Arrays.binarySearch(userIds, userId) >= 0;
  }

  /** The user's candidates, ascending, as a fresh array; empty if the user has none. */
  public int[] of(int userId) {
    int i = Arrays.binarySearch(userIds, userId);
    return i < 0 ? new int[0] : movieIds[i].clone();
  }

  /** The number of users with fixed candidates. */
  public int users() {
    return userIds.length;
  }

  public boolean isEmpty() {
    return userIds.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateSets c && Arrays.equals(userIds, c.userIds) && Arrays.deepEquals(movieIds, c.movieIds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(userIds) * 31 + Arrays.deepHashCode(movieIds);
  }

  @Override
  public String toString() {
    return "CandidateSets[" + userIds.length + " users]";
  }
}
