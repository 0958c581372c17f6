package org.movierec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MovieLens 1M as GroupLens publishes it, checked against the figures in the shared data's README. */
class MovieLensIT {

  @Test
  void loads_every_rating_user_and_movie_of_ml_1m() {
    long start = System.nanoTime();
    MovieLensData data = MovieLens.load(RealData.ml1m());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("MovieLensIT: loaded ml-1m in " + millis + " ms");

    Ratings ratings = data.ratings();
    assertThat(ratings.size()).isEqualTo(1_000_209);
    assertThat(data.users()).hasSize(6_040);
    assertThat(data.movies()).hasSize(3_883);
    int[] ratedMovies = new int[ratings.size()];
    long sum = 0;
    long[] stars = new long[6];
    for (int i = 0; i < ratings.size(); i++) {
      ratedMovies[i] = ratings.movieId(i);
      sum += ratings.stars(i);
      stars[ratings.stars(i)]++;
      assertThat(ratings.timestamp(i)).isEqualTo(Rating.NO_TIMESTAMP);
    }
    assertThat(IdIndex.of(ratedMovies).size()).isEqualTo(3_706);
    assertThat(sum).isEqualTo(3_582_313L);
    assertThat(Arrays.copyOfRange(stars, 1, 6)).containsExactly(56_174, 107_557, 261_197, 348_971, 226_310);
    assertThat(data.checksum()).isEqualTo("28fc8200f97f4eb5d05dded134c6051fe5fd60fd39238f9a55518d13aa120b60");
  }

  @Test
  void reads_titles_genres_and_demographics_as_the_files_have_them() {
    MovieLensData data = MovieLens.load(RealData.ml1m());

    assertThat(data.movies().get(1))
        .isEqualTo(new Movie(1, "Toy Story (1995)", 1995, Set.of(Genre.ANIMATION, Genre.CHILDRENS, Genre.COMEDY)));
    assertThat(data.movies().get(73).title()).isEqualTo("Mis\u00e9rables, Les (1995)");
    assertThat(data.users().get(1))
        .isEqualTo(new User(1, Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "48067"));
    assertThat(data.ratings().get(0)).isEqualTo(new Rating(1, 1193, 5, Rating.NO_TIMESTAMP));
  }

  @Test
  void loads_the_official_ratings_with_timestamps(@TempDir Path dir) throws IOException {
    Path ml1m = RealData.ml1m();
    Path timestamped = RealData.ml1mTimestamps().resolve("ratings_users_0001-2999.dat");
    Files.copy(ml1m.resolve("movies.dat"), dir.resolve("movies.dat"));
    Files.copy(ml1m.resolve("users.dat"), dir.resolve("users.dat"));
    Files.copy(timestamped, dir.resolve("ratings.dat"));

    Ratings ratings = MovieLens.load(dir).ratings();

    assertThat(ratings.size()).isEqualTo(487_650);
    for (int i = 0; i < ratings.size(); i++) {
      assertThat(ratings.get(i).hasTimestamp()).isTrue();
    }
    assertThat(ratings.get(0)).isEqualTo(new Rating(1, 1193, 5, 978_300_760L));
    assertThat(ratings.userId(ratings.size() - 1)).isEqualTo(2_999);
  }
}
