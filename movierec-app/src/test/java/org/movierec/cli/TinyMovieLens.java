package org.movierec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small MovieLens 1M look-alike written by the tests: 30 movies with real-looking titles, 20 users, 400 ratings with
 * structure (three groups of users, each fond of one kind of movie). The same seed always writes the same files.
 */
public final class TinyMovieLens {
  static final int MOVIES = 30;
  static final int USERS = 20;
  static final int RATINGS_PER_USER = 20;

  private static final String[] TITLES = {
    "Laughing Harbor (1991)", "Wedding Bells Again (1994)", "The Clumsy Detective (1996)", "Summer of Pranks (1993)",
    "Uncle Max Goes to Paris (1997)", "Love and Pancakes (1995)", "Office Party, The (1998)", "Silly Season (1992)",
    "Three Cousins (1990)", "Grandma's Secret Recipe (1999)", "Iron Fist Rising (1994)", "Night Convoy (1991)",
    "Skyfall Protocol (1997)", "Desert Strike Force (1995)", "Code Red Manhattan (1996)", "The Last Mercenary (1993)",
    "Thunder Road Chase (1988)", "Dead Drop (1998)", "Firewall Sunrise (1999)", "Operation Nightfall (1992)",
    "Quiet River Song (1994)", "Letters to Margaret (1995)", "The Long Winter (1985)", "A Farewell in Lisbon (1996)",
    "Children of the Valley (1993)", "Broken Compass (1997)", "Sister Mercy (1991)", "The Orchard Keeper (1998)",
    "Harvest of Silence (1990)", "Under the Linden Tree (1999)",
  };
  private static final String[] GENRES = {"Comedy", "Action|Thriller", "Drama"};
  private static final String[] ROMANCE = {"Comedy|Romance", "Action|Adventure", "Drama|Romance"};
  private static final int[] AGES = {1, 18, 25, 35, 45, 50, 56};

  /** The movie ids each user rated. */
  final Map<Integer, Set<Integer>> rated = new LinkedHashMap<>();
  /** Every ratings.dat line written, in order. */
  final List<String> ratingLines = new ArrayList<>();
  public final Path dir;

  private TinyMovieLens(Path dir) {
    this.dir = dir;
  }

  /** The genre group of a movie: 0 comedy, 1 action, 2 drama. */
  static int group(int movieId) {
    return (movieId - 1) / 10;
  }

  static String title(int movieId) {
    return TITLES[movieId - 1];
  }

  /** Writes movies.dat, users.dat and ratings.dat (without timestamps, like the real copy) into {@code dir}. */
  static TinyMovieLens write(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    TinyMovieLens data = new TinyMovieLens(dir);
    StringBuilder movies = new StringBuilder();
    for (int id = 1; id <= MOVIES; id++) {
      String genres = id % 4 == 0 ? ROMANCE[group(id)] : GENRES[group(id)];
      movies.append(id).append("::").append(title(id)).append("::").append(genres).append('\n');
    }
    StringBuilder users = new StringBuilder();
    for (int id = 1; id <= USERS; id++) {
      // user 1 is like MovieLens 1M's: female, under 18, K-12 student
      String gender = id % 2 == 1 ? "F" : "M";
      int age = id == 1 ? 1 : AGES[id % AGES.length];
      int job = id == 1 ? 10 : id % 21;
      users.append(id).append("::").append(gender).append("::").append(age).append("::").append(job)
          .append("::").append(10000 + id).append('\n');
    }
    Random random = new Random(seed);
    StringBuilder ratings = new StringBuilder();
    for (int user = 1; user <= USERS; user++) {
      List<Integer> ids = new ArrayList<>();
      for (int m = 1; m <= MOVIES; m++) {
        ids.add(m);
      }
      java.util.Collections.shuffle(ids, random);
      Set<Integer> seen = new TreeSet<>(ids.subList(0, RATINGS_PER_USER));
      data.rated.put(user, seen);
      for (int movie : seen) {
        boolean fond = group(movie) == user % 3;
        int stars = fond ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
        String line = user + "::" + movie + "::" + stars;
        data.ratingLines.add(line);
        ratings.append(line).append('\n');
      }
    }
    Files.writeString(dir.resolve("movies.dat"), movies, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("users.dat"), users, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("ratings.dat"), ratings, StandardCharsets.ISO_8859_1);
    return data;
  }
}
