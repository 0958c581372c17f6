package org.movierec.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable table of ratings stored column by column (a million {@link Rating} records would cost ten times the
 * memory). Row {@code i} is {@link #get(int)}.
 */
public final class Ratings {
  private final int[] users;
  private final int[] movies;
  private final byte[] stars;
  private final long[] timestamps;

  private Ratings(int[] users, int[] movies, byte[] stars, long[] timestamps) {
    this.users = users;
    this.movies = movies;
    this.stars = stars;
    this.timestamps = timestamps;
  }

  public static Ratings of(java.util.List<Rating> list) {
    Builder b = new Builder(list.size());
    list.forEach(b::add);
    return b.build();
  }

  public int size() {
    return users.length;
  }

  public int userId(int row) {
    return users[row];
  }

  public int movieId(int row) {
    return movies[row];
  }

  public int stars(int row) {
    return stars[row];
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public Rating get(int row) {
    Objects.checkIndex(row, size());
    return new Rating(users[row], movies[row], stars[row], timestamps[row]);
  }

  /** The rows whose indexes are given, in that order. */
  public Ratings select(int[] rows) {
    int[] u = new int[rows.length];
    int[] m = new int[rows.length];
    byte[] s = new byte[rows.length];
    long[] t = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      u[i] = users[r];
      m[i] = movies[r];
      s[i] = stars[r];
      t[i] = timestamps[r];
    }
    return new Ratings(u, m, s, t);
  }

  /** The rows that the predicate accepts, in their order. */
  public Ratings filter(IntPredicate rowPredicate) {
    return select(java.util.stream.IntStream.range(0, size()).filter(rowPredicate).toArray());
  }

  /** Mean number of stars; 0 for an empty table. */
  public double meanStars() {
    long sum = 0;
    for (byte s : stars) {
      sum += s;
    }
    return users.length == 0 ? 0 : (double) sum / users.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ratings r && Arrays.equals(users, r.users) && Arrays.equals(movies, r.movies)
        && Arrays.equals(stars, r.stars) && Arrays.equals(timestamps, r.timestamps);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(users) * 31 + Arrays.hashCode(movies);
  }

  @Override
  public String toString() {
    return "Ratings[" + size() + " rows]";
  }

  /** Collects ratings row by row. Not thread-safe. */
  public static final class Builder {
    private int[] users;
    private int[] movies;
    private byte[] stars;
    private long[] timestamps;
    private int size;

    public Builder(int expectedSize) {
      int n = Math.max(16, expectedSize);
      users = new int[n];
      movies = new int[n];
      stars = new byte[n];
      timestamps = new long[n];
    }

    public Builder add(Rating r) {
      return add(r.userId(), r.movieId(), r.stars(), r.timestamp());
    }

    public Builder add(int userId, int movieId, int rating, long timestamp) {
      if (size == users.length) {
        int n = size * 2;
        users = Arrays.copyOf(users, n);
        movies = Arrays.copyOf(movies, n);
        stars = Arrays.copyOf(stars, n);
        timestamps = Arrays.copyOf(timestamps, n);
      }
      users[size] = userId;
      movies[size] = movieId;
      stars[size] = (byte) rating;
      timestamps[size] = timestamp;
      size++;
      return this;
    }

    public Ratings build() {
      return new Ratings(Arrays.copyOf(users, size), Arrays.copyOf(movies, size), Arrays.copyOf(stars, size),
          Arrays.copyOf(timestamps, size));
    }
  }
}
