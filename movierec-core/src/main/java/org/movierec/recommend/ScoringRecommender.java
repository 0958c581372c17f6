package org.movierec.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.ItemFilter;

/**
 * Recommends by scoring every movie of a catalog with a {@link Scorer} and keeping the best: turns any baseline into
 * a {@link Recommender}, scoring the request's profile ({@link Scorer#scores(UserProfile, int[], float[])}). Movies a
 * known user rated ({@code seen}), movies of the profile's ratings and movies the request's filter rejects are never
 * recommended; equal scores put the smaller movie id first. The predicted stars are the scorer's when it is a
 * {@link StarPredictor}, else NaN. Safe from many threads, as its scorer is.
 */
public final class ScoringRecommender implements Recommender {
  private final Scorer scorer;
  private final Map<Integer, Movie> movies;
  private final SeenMovies seen;

  /**
   * @param movies the catalog to recommend from, by id
   * @param seen the movies each known user rated, never recommended to them
   */
  public ScoringRecommender(Scorer scorer, Map<Integer, Movie> movies, SeenMovies seen) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.movies = Map.copyOf(Objects.requireNonNull(movies, "movies"));
    this.seen = Objects.requireNonNull(seen, "seen");
  }

  public Scorer scorer() {
    return scorer;
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    UserProfile profile = request.profile();
    User user = profile.user();
    ItemFilter filter = request.filter();
    Set<Integer> rated = profile.ratings().stream().map(RatedMovie::movieId).collect(Collectors.toSet());
    int[] eligible = movies.values().stream()
        .filter(m -> filter.accepts(m.id(), m.genres(), m.year()))
        .filter(m -> user.isNew() || !seen.has(user.id(), m.id()))
        .filter(m -> !rated.contains(m.id()))
        .mapToInt(Movie::id)
        .sorted()
        .toArray();
    if (eligible.length == 0) {
      return List.of();
    }
    float[] scores = new float[eligible.length];
    scorer.scores(profile, eligible, scores);
    int[] best = TopScores.top(eligible, scores, request.k());
    float[] stars = new float[best.length];
    if (scorer instanceof StarPredictor predictor) {
      predictor.predictStars(user, best, stars);
    } else {
      Arrays.fill(stars, Float.NaN);
    }
    List<Recommendation> out = new ArrayList<>(best.length);
    for (int r = 0; r < best.length; r++) {
      float score = scores[Arrays.binarySearch(eligible, best[r])];
      out.add(new Recommendation(r + 1, movies.get(best[r]), score, stars[r]));
    }
    return out;
  }
}
