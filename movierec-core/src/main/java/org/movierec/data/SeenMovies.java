package org.movierec.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which movies each user has rated, and the stars, so that a recommender can leave them out and a model can read a
 * user from them without the ratings at hand. Stored compactly (one sorted run of movie ids per user, with a byte of
 * stars each) and saved beside a model with {@link #write} / {@link #read}. Immutable and safe to share between
 * threads.
 */
public final class SeenMovies {
  /** "MRSM": MovieRec seen movies. */
  private static final int MAGIC = 0x4D52534D;
  /** Version 2 adds the stars of each rating. */
  private static final int FORMAT_VERSION = 2;

  /** Users with at least one rating, ascending. */
  private final int[] userIds;
  /** The movies of userIds[i] are movieIds[offsets[i] .. offsets[i + 1]), ascending and distinct. */
  private final int[] offsets;
  private final int[] movieIds;
  /** stars[i] is the rating of movieIds[i]. */
  private final byte[] stars;

  private SeenMovies(int[] userIds, int[] offsets, int[] movieIds, byte[] stars) {
    this.userIds = userIds;
    this.offsets = offsets;
    this.movieIds = movieIds;
    this.stars = stars;
  }

  /**
   * The (user, movie) pairs of the ratings, with their stars; a movie rated twice by a user counts once, with the stars
   * of its later row.
   */
  public static SeenMovies of(Ratings ratings) {
    int n = ratings.size();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = ratings.userId(i);
    }
    IdIndex users = IdIndex.of(ids);
    int[] start = new int[users.rows() + 1];
    for (int i = 0; i < n; i++) {
      start[users.row(ids[i]) + 1]++;
    }
    for (int u = 1; u <= users.rows(); u++) {
      start[u] += start[u - 1];
    }
    // Rows grouped by user, in table order within a user.
    int[] rows = new int[n];
    int[] filled = start.clone();
    for (int i = 0; i < n; i++) {
      rows[filled[users.row(ids[i])]++] = i;
    }
    int[] userIds = users.ids();
    int[] offsets = new int[userIds.length + 1];
    int[] movieIds = new int[n];
    byte[] stars = new byte[n];
    int distinct = 0;
    for (int u = 1; u <= userIds.length; u++) {
      offsets[u - 1] = distinct;
      int from = start[u];
      int to = start[u + 1];
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) {
        keys[i - from] = ((long) ratings.movieId(rows[i]) << 32) | rows[i]; // by movie, then by row
      }
      Arrays.sort(keys);
      for (int k = 0; k < keys.length; k++) {
        int movie = (int) (keys[k] >>> 32);
        if (k + 1 < keys.length && (int) (keys[k + 1] >>> 32) == movie) {
          continue; // a later row of the same movie wins
        }
        movieIds[distinct] = movie;
        stars[distinct++] = (byte) ratings.stars((int) keys[k]);
      }
    }
    offsets[userIds.length] = distinct;
    return new SeenMovies(userIds, offsets, Arrays.copyOf(movieIds, distinct), Arrays.copyOf(stars, distinct));
  }

  /**
   * The user's ratings, ascending by movie id; empty for a user without ratings.
   */
  public List<RatedMovie> ratingsOf(int userId) {
    int u = Arrays.binarySearch(userIds, userId);
    if (u < 0) {
      return List.of();
    }
    List<RatedMovie> out = new ArrayList<>(offsets[u + 1] - offsets[u]);
    for (int i = offsets[u]; i < offsets[u + 1]; i++) {
      out.add(new RatedMovie(movieIds[i], stars[i]));
    }
    return out;
  }

  /** The users with at least one rating, ascending. A fresh array the caller owns. */
  public int[] userIds() {
    return userIds.clone();
  }

  /** The movies the user rated, ascending; empty for a user without ratings. A fresh array the caller owns. */
  public int[] moviesOf(int userId) {
    int u = Arrays.binarySearch(userIds, userId);
    return u < 0 ? new int[0] : Arrays.copyOfRange(movieIds, offsets[u], offsets[u + 1]);
  }

  public boolean has(int userId, int movieId) {
    int u = Arrays.binarySearch(userIds, userId);
    return u >= 0 && Arrays.binarySearch(movieIds, offsets[u], offsets[u + 1], movieId) >= 0;
  }

  /** The number of users with at least one rated movie. */
  public int users() {
    return userIds.length;
  }

  /** The number of (user, movie) pairs. */
  public int pairs() {
    return movieIds.length;
  }

  /**
   * Writes a versioned binary form: a header, then per user the id gap to the previous user, the count and the gaps
   * between its ascending movie ids, all as variable-length integers and a byte of stars (about 2.5 bytes a pair for MovieLens
   * 1M).
   */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeInt(userIds.length);
    out.writeInt(movieIds.length);
    int previousUser = 0;
    for (int u = 0; u < userIds.length; u++) {
      writeVarInt(out, userIds[u] - previousUser);
      previousUser = userIds[u];
      writeVarInt(out, offsets[u + 1] - offsets[u]);
      int previousMovie = 0;
      for (int i = offsets[u]; i < offsets[u + 1]; i++) {
        writeVarInt(out, movieIds[i] - previousMovie);
        out.writeByte(stars[i]);
        previousMovie = movieIds[i];
      }
    }
  }

  /** Reads what {@link #write} wrote; refuses other formats and versions with an {@link IOException}. */
  public static SeenMovies read(DataInputStream in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not a seen-movies file: expected magic 0x" + Integer.toHexString(MAGIC) + ", got 0x"
          + Integer.toHexString(magic));
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("seen-movies format version " + version + " is not supported (this build reads version "
          + FORMAT_VERSION + "); rebuild the model");
    }
    int users = in.readInt();
    int pairs = in.readInt();
    if (users < 0 || pairs < 0 || users > pairs) {
      throw new IOException("corrupt seen-movies file: " + users + " users with " + pairs + " movies");
    }
    int[] userIds = new int[users];
    int[] offsets = new int[users + 1];
    int[] movieIds = new int[pairs];
    byte[] stars = new byte[pairs];
    int user = 0;
    int i = 0;
    for (int u = 0; u < users; u++) {
      user += readVarInt(in);
      userIds[u] = user;
      offsets[u] = i;
      int count = readVarInt(in);
      if (count < 1 || count > pairs - i || (u > 0 && userIds[u] <= userIds[u - 1])) {
        throw new IOException("corrupt seen-movies file at user " + user);
      }
      int movie = 0;
      for (int end = i + count; i < end; i++) {
        int gap = readVarInt(in);
        if (gap < 1 && i > offsets[u]) {
          throw new IOException("corrupt seen-movies file: movies of user " + user + " are not ascending");
        }
        movie += gap;
        movieIds[i] = movie;
        stars[i] = in.readByte();
        if (stars[i] < 1 || stars[i] > 5) {
          throw new IOException("corrupt seen-movies file: user " + user + " rated movie " + movie + " " + stars[i]
              + " stars, expected 1..5");
        }
      }
    }
    offsets[users] = i;
    if (i != pairs) {
      throw new IOException("corrupt seen-movies file: expected " + pairs + " movies, got " + i);
    }
    return new SeenMovies(userIds, offsets, movieIds, stars);
  }

  private static void writeVarInt(DataOutputStream out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("corrupt seen-movies file: a variable-length integer is longer than 5 bytes");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeenMovies s && Arrays.equals(userIds, s.userIds) && Arrays.equals(offsets, s.offsets)
        && Arrays.equals(movieIds, s.movieIds) && Arrays.equals(stars, s.stars);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(userIds) * 31 + Arrays.hashCode(movieIds);
  }

  @Override
  public String toString() {
    return "SeenMovies[" + users() + " users, " + pairs() + " pairs]";
  }
}
