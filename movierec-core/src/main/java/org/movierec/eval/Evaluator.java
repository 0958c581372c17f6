package org.movierec.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.movierec.data.IdIndex;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.recommend.Scorer;
import org.movierec.recommend.StarPredictor;
import org.movierec.recommend.TopScores;

/**
 * Runs a scorer through a protocol split and measures it, the same way for every recommender.
 *
 * <p>Rules, for every protocol:
 *
 * <ul>
 *   <li>A test user with no training rating (every cold-start user) is passed to the scorer as a new user: id 0 and
 *       the demographics, so that no scorer can use an id it never learned.
 *   <li>A test user with revealed ratings ({@link ProtocolSplit#revealed()}, the few-shot protocols) is scored
 *       through {@link Scorer#scores(UserProfile, int[], float[])}, as a new user whose profile holds exactly those
 *       ratings (in the split's row order); every other user through {@link Scorer#scores(User, int[], float[])}.
 *   <li>Ranking: each test user's candidates are the protocol's fixed candidates (ncf), or else every movie of the
 *       train ratings (the train catalog), minus, when the protocol excludes seen movies, the user's train and
 *       validation movies; the user's revealed movies are always left out. The scorer scores the candidates; the
 *       best {@link Protocol#maxK()} are kept, higher score first, equal scores by smaller movie id. Relevant movies
 *       are the user's test ratings with at least {@link Protocol#minRelevantStars()} stars; a relevant movie outside
 *       the candidates (one no train rating mentions) still counts in {@code |relevant|} and can never be hit. A user
 *       without a relevant movie is skipped: not in the means, counted in {@link Results#skippedUsers()}. Each metric
 *       is the mean over the other users.
 *   <li>Star prediction: RMSE and MAE over every test rating, with the scorer's clipped predictions.
 * </ul>
 *
 * <p>Users are scored in parallel (the common fork-join pool), each into its own slot, and the means are summed in
 * ascending user order, so the results are the same on every run.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Whether the scorer can be evaluated on the protocol: star prediction needs a {@link StarPredictor}. */
  public static boolean applies(Protocol protocol, Scorer scorer) {
    return protocol.task() == Protocol.Task.RANK || scorer instanceof StarPredictor;
  }

  /**
   * Evaluates the scorer on the split with the protocol's metrics.
   *
   * @param users every user of the split, for the demographics
   * @throws IllegalArgumentException if the protocol does not apply to the scorer ({@link #applies}), a test user is
   *     missing from {@code users}, or the split has no test ratings
   * @throws IllegalStateException if the scorer gives a NaN score
   */
  public static Results evaluate(ProtocolSplit split, Map<Integer, User> users, Scorer scorer) {
    Protocol protocol = split.protocol();
    if (!applies(protocol, scorer)) {
      throw new IllegalArgumentException("the " + protocol.name() + " protocol judges predicted stars, and "
          + scorer.name() + " does not predict stars");
    }
    if (split.test().size() == 0) {
      throw new IllegalArgumentException("the " + protocol.name() + " split has no test ratings");
    }
    long start = System.nanoTime();
    int[][] testRowsByUser = Protocols.rowsByUser(split.test());
    UserProfile[] testUsers = testUsers(split, users, testRowsByUser);
    return protocol.task() == Protocol.Task.PREDICT_STARS
        ? predictStars(split, (StarPredictor) scorer, testUsers, testRowsByUser, start)
        : rank(split, scorer, testUsers, testRowsByUser, start);
  }

  /**
   * Each test user as the scorer sees it: a known user, or a new user (id 0) with the demographics and the revealed
   * ratings, if any.
   */
  private static UserProfile[] testUsers(ProtocolSplit split, Map<Integer, User> users, int[][] testRowsByUser) {
    IdIndex trained = IdIndex.of(IntStream.range(0, split.train().size()).map(split.train()::userId).toArray());
    Ratings revealed = split.revealed();
    Map<Integer, List<RatedMovie>> revealedByUser = new HashMap<>();
    for (int row = 0; row < revealed.size(); row++) {
      revealedByUser.computeIfAbsent(revealed.userId(row), id -> new ArrayList<>())
          .add(new RatedMovie(revealed.movieId(row), revealed.stars(row)));
    }
    UserProfile[] out = new UserProfile[testRowsByUser.length];
    for (int u = 0; u < out.length; u++) {
      int id = split.test().userId(testRowsByUser[u][0]);
      User user = users.get(id);
      if (user == null) {
        throw new IllegalArgumentException("no demographics for test user " + id + " of the " + split.protocol().name()
            + " split; pass every user of the data");
      }
      User asked = trained.contains(id) ? user : User.newUser(user.gender(), user.age(), user.occupation());
      out[u] = new UserProfile(asked, revealedByUser.getOrDefault(id, List.of()));
    }
    return out;
  }

  private static Results predictStars(ProtocolSplit split, StarPredictor predictor, UserProfile[] users,
      int[][] rowsByUser, long start) {
    Ratings test = split.test();
    float[] predicted = new float[test.size()];
    forEachInParallel(users.length, u -> {
      int[] rows = rowsByUser[u];
      int[] movieIds = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        movieIds[i] = test.movieId(rows[i]);
      }
      float[] out = new float[rows.length];
      predictor.predictStars(users[u].user(), movieIds, out);
      for (int i = 0; i < rows.length; i++) {
        if (Float.isNaN(out[i])) {
          throw new IllegalStateException(predictor.name() + " predicted NaN stars for movie " + movieIds[i]
              + " and user " + test.userId(rows[i]));
        }
        predicted[rows[i]] = out[i];
      }
    });
    int[] actual = new int[test.size()];
    for (int row = 0; row < actual.length; row++) {
      actual[row] = test.stars(row);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(Results.RMSE, RatingMetrics.rmse(predicted, actual));
    metrics.put(Results.MAE, RatingMetrics.mae(predicted, actual));
    return new Results(split.protocol().name(), predictor.name(), metrics, users.length, 0, since(start));
  }

  private static Results rank(ProtocolSplit split, Scorer scorer, UserProfile[] users, int[][] rowsByUser,
      long start) {
    Protocol protocol = split.protocol();
    Ratings test = split.test();
    Ratings train = split.train();
    int[] catalog = IdIndex.of(IntStream.range(0, train.size()).map(train::movieId).toArray()).ids();
    SeenMovies trainSeen = SeenMovies.of(train);
    SeenMovies validationSeen = SeenMovies.of(split.validation());
    List<RankingMetric> metrics = protocol.metrics();
    int maxK = protocol.maxK();
    double[][] values = new double[users.length][]; // null for a skipped user
    forEachInParallel(users.length, u -> {
      int userId = test.userId(rowsByUser[u][0]);
      int[] relevant = Arrays.stream(rowsByUser[u])
          .filter(row -> test.stars(row) >= protocol.minRelevantStars())
          .map(test::movieId).sorted().distinct().toArray();
      if (relevant.length == 0) {
        return;
      }
      int[] candidates;
      if (split.candidates().has(userId)) {
        candidates = split.candidates().of(userId);
      } else if (protocol.seenExcluded()) {
        candidates = without(catalog, trainSeen.moviesOf(userId), validationSeen.moviesOf(userId));
      } else {
        candidates = catalog;
      }
      UserProfile profile = users[u];
      if (profile.hasRatings()) {
        candidates = without(candidates, profile.ratedMovieIds());
      }
      float[] scores = new float[candidates.length];
      if (profile.hasRatings()) {
        scorer.scores(profile, candidates, scores);
      } else {
        scorer.scores(profile.user(), candidates, scores);
      }
      for (int i = 0; i < candidates.length; i++) {
        if (Float.isNaN(scores[i])) {
          throw new IllegalStateException(scorer.name() + " scored movie " + candidates[i] + " NaN for user "
              + userId);
        }
      }
      int[] top = candidates.length == 0 ? new int[0] : TopScores.top(candidates, scores, maxK);
      double[] v = new double[metrics.size()];
      for (int m = 0; m < v.length; m++) {
        v[m] = metrics.get(m).value(top, relevant);
      }
      values[u] = v;
    });
    double[] sums = new double[metrics.size()];
    int evaluated = 0;
    for (double[] v : values) {
      if (v != null) {
        evaluated++;
        for (int m = 0; m < sums.length; m++) {
          sums[m] += v[m];
        }
      }
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (int m = 0; m < sums.length; m++) {
      means.put(metrics.get(m).name(), evaluated == 0 ? Double.NaN : sums[m] / evaluated);
    }
    return new Results(protocol.name(), scorer.name(), means, evaluated, users.length - evaluated, since(start));
  }

  /**
   * Runs the task for 0..n-1 on the common fork-join pool. An exception is rethrown as the task threw it: the pool
   * rethrows a copy wrapping the original, whose message would start with the original's class name.
   */
  private static void forEachInParallel(int n, IntConsumer task) {
    try {
      IntStream.range(0, n).parallel().forEach(task);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof RuntimeException original && original.getClass() == e.getClass()) {
        throw original;
      }
      throw e;
    }
  }

  /** The ids of {@code all} (ascending) that are in none of the {@code excluded} lists (each ascending). */
  static int[] without(int[] all, int[]... excluded) {
    int[] out = new int[all.length];
    int n = 0;
    int[] at = new int[excluded.length];
    for (int id : all) {
      boolean excludedId = false;
      for (int e = 0; e < excluded.length; e++) {
        int[] list = excluded[e];
        while (at[e] < list.length && list[at[e]] < id) {
          at[e]++;
        }
        excludedId |= at[e] < list.length && list[at[e]] == id;
      }
      if (!excludedId) {
        out[n++] = id;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
