package org.movierec.recommend;

import java.util.Arrays;
import org.movierec.data.IdIndex;
import org.movierec.data.Ratings;
import org.movierec.data.User;

/**
 * Scores every movie by how many training ratings it has, the same for every user: the baseline any personalized
 * recommender must beat. Two variants: {@link #byRatings} counts every rating, {@link #mostLiked} only ratings of
 * {@value #LIKED_STARS} stars or more. A movie without training ratings scores 0; equal counts are ordered by the
 * caller (the evaluator and {@link TopScores} put the smaller movie id first). Immutable and safe from many threads.
 */
public final class PopularityRecommender implements Scorer {
  /** The fewest stars that count as "liked". */
  public static final int LIKED_STARS = 4;

  private final String name;
  private final IdIndex movies;
  /** counts[row] for the movie of that row of {@link #movies}; row 0 (unknown) stays 0. */
  private final int[] counts;

  private PopularityRecommender(String name, IdIndex movies, int[] counts) {
    this.name = name;
    this.movies = movies;
    this.counts = counts;
  }

  /** Scores a movie by its number of ratings in {@code train}; named {@code popularity}. */
  public static PopularityRecommender byRatings(Ratings train) {
    return count("popularity", train, 1);
  }

  /** Scores a movie by its number of ratings of 4 stars or more in {@code train}; named {@code most-liked}. */
  public static PopularityRecommender mostLiked(Ratings train) {
    return count("most-liked", train, LIKED_STARS);
  }

  private static PopularityRecommender count(String name, Ratings train, int minStars) {
    int[] ids = new int[train.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = train.movieId(i);
    }
    IdIndex movies = IdIndex.of(ids);
    int[] counts = new int[movies.rows()];
    for (int i = 0; i < train.size(); i++) {
      if (train.stars(i) >= minStars) {
        counts[movies.row(train.movieId(i))]++;
      }
    }
    return new PopularityRecommender(name, movies, counts);
  }

  @Override
  public String name() {
    return name;
  }

  /** The count of a movie: ratings (or liked ratings) in the training data; 0 for a movie it never saw. */
  public int count(int movieId) {
    return counts[movies.row(movieId)];
  }

  /** The same for every user: the movie's {@link #count}. */
  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    for (int i = 0; i < movieIds.length; i++) {
      out[i] = counts[movies.row(movieIds[i])];
    }
  }

  @Override
  public String toString() {
    return "PopularityRecommender[" + name + ", " + movies.size() + " movies, "
        + Arrays.stream(counts).asLongStream().sum() + " counted ratings]";
  }
}
