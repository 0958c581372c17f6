package org.movierec.index;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.movierec.data.Genre;

/** Catalogs made by the tests: a tiny hand-made one with known answers, and seeded random ones. */
final class TestMovies {
  private TestMovies() {}

  static IndexedMovie movie(int id, int year, Set<Genre> genres, float... vector) {
    return new IndexedMovie(id, vector, genres, year);
  }

  /**
   * Five movies in 2-d. For the query (1, 0.5) the inner products are: 3 and 5 tie at 1.5, then 1 at 1.0, 2 at 0.5,
   * 4 at -1.0. Listed out of id order on purpose.
   */
  static List<IndexedMovie> tiny() {
    return List.of(
        movie(5, 1985, Set.of(Genre.ACTION, Genre.DRAMA), 2, -1),
        movie(2, 1995, Set.of(Genre.COMEDY), 0, 1),
        movie(4, 0, Set.of(Genre.DRAMA), -1, 0),
        movie(1, 1990, Set.of(Genre.ACTION), 1, 0),
        movie(3, 2000, Set.of(Genre.ACTION, Genre.COMEDY), 1, 1));
  }

  /** The query the {@link #tiny()} comments are about. */
  static float[] tinyQuery() {
    return new float[] {1f, 0.5f};
  }

  /**
   * {@code count} movies with ids 1..count, unit-length gaussian vectors, one to three genres, and a year in
   * 1930..2000 or (one in ten) unknown.
   */
  static List<IndexedMovie> random(long seed, int count, int dimension) {
    Random random = new Random(seed);
    Genre[] all = Genre.values();
    List<IndexedMovie> movies = new ArrayList<>(count);
    for (int id = 1; id <= count; id++) {
      Set<Genre> genres = EnumSet.noneOf(Genre.class);
      int howMany = 1 + random.nextInt(3);
      while (genres.size() < howMany) {
        genres.add(all[random.nextInt(all.length)]);
      }
      int year = random.nextInt(10) == 0 ? 0 : 1930 + random.nextInt(71);
      movies.add(new IndexedMovie(id, unitVector(random, dimension), genres, year));
    }
    return movies;
  }

  static float[] unitVector(Random random, int dimension) {
    float[] v = new float[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) random.nextGaussian();
      norm += (double) v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimension; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
