package org.movierec.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Which movies each user has rated, so that a recommender can leave them out without the ratings at hand. Stored
 * compactly (one sorted run of movie ids per user) and saved beside a model with {@link #write} / {@link #read}.
 * Immutable and safe to share between threads.
 */
public final class SeenMovies {
  /** "MRSM": MovieRec seen movies. */
  private static final int MAGIC = 0x4D52534D;
  private static final int FORMAT_VERSION = 1;

  /** Users with at least one rating, ascending. */
  private final int[] userIds;
  /** The movies of userIds[i] are movieIds[offsets[i] .. offsets[i + 1]), ascending and distinct. */
  private final int[] offsets;
  private final int[] movieIds;

  private SeenMovies(int[] userIds, int[] offsets, int[] movieIds) {
    this.userIds = userIds;
    this.offsets = offsets;
    this.movieIds = movieIds;
  }

  /** The (user, movie) pairs of the ratings; a movie rated twice by a user counts once. */
  public static SeenMovies of(Ratings ratings) {
    long[] pairs = new long[ratings.size()];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = pair(ratings.userId(i), ratings.movieId(i));
    }
    Arrays.sort(pairs);
    int distinct = 0;
    int users = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        if (distinct == 0 || userOf(pairs[i]) != userOf(pairs[distinct - 1])) {
          users++;
        }
        pairs[distinct++] = pairs[i];
      }
    }
    int[] userIds = new int[users];
    int[] offsets = new int[users + 1];
    int[] movieIds = new int[distinct];
    int u = -1;
    for (int i = 0; i < distinct; i++) {
      int user = userOf(pairs[i]);
      if (u < 0 || userIds[u] != user) {
        userIds[++u] = user;
        offsets[u] = i;
      }
      movieIds[i] = (int) pairs[i];
    }
    offsets[users] = distinct;
    return new SeenMovies(userIds, offsets, movieIds);
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
   * between its ascending movie ids, all as variable-length integers (about 1.5 bytes a pair for MovieLens 1M).
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
      }
    }
    offsets[users] = i;
    if (i != pairs) {
      throw new IOException("corrupt seen-movies file: expected " + pairs + " movies, got " + i);
    }
    return new SeenMovies(userIds, offsets, movieIds);
  }

  private static long pair(int userId, int movieId) {
    return ((long) userId << 32) | (movieId & 0xFFFF_FFFFL);
  }

  private static int userOf(long pair) {
    return (int) (pair >>> 32);
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
        && Arrays.equals(movieIds, s.movieIds);
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
