package org.movierec.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.movierec.data.IdIndex;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.Shuffle;
import org.movierec.data.Split;
import org.movierec.data.Splits;

/**
 * The evaluation protocols, each described by a {@link Protocol} and made by a pure function of the ratings and a
 * seed: the same ratings and seed always give an equal {@link ProtocolSplit}. The few-shot protocols are one family:
 * {@code few-shot-1}, {@code -3}, {@code -5} and {@code -10}, one per number of revealed ratings, so that a report
 * shows a section for each.
 */
public final class Protocols {
  /** The rating protocol's share of ratings held out. */
  public static final double RATING_TEST_FRACTION = 0.1;
  /** The ranking protocol keeps ratings of at least this many stars, as RecBole's ml-1m benchmark does. */
  public static final int RANKING_MIN_STARS = 3;
  /** The ncf protocol's sampled movies per test user. */
  public static final int NCF_NEGATIVES = 99;
  /** The cold-start protocol's share of users held out. */
  public static final double COLD_START_USER_FRACTION = 0.1;
  /** A cold-start user's ratings of at least this many stars are relevant. */
  public static final int COLD_START_MIN_RELEVANT_STARS = 4;
  /** The few-shot protocols' family name: what {@code --protocol few-shot} selects; not a protocol of its own. */
  public static final String FEW_SHOT = "few-shot";
  /** The numbers of ratings each few-shot user reveals, one protocol per number, ascending. */
  public static final List<Integer> FEW_SHOT_REVEALED = List.of(1, 3, 5, 10);

  public static final Protocol RATING = new Protocol("rating", Protocol.Task.PREDICT_STARS,
      "the original demo's split: 10% of all ratings, chosen at random (Splits.random), are held out; the other 90%"
          + " train",
      "predicted stars against each held-out rating", "the held-out (user, movie) pairs", false, 1, List.of());

  public static final Protocol RANKING = new Protocol("ranking", Protocol.Task.RANK,
      "ratings of 3 stars or more are kept; each user's kept ratings are shuffled and split 80/10/10 into train,"
          + " validation and test (RecBole's random-ordered ratio split grouped by user, with its rounding: validation"
          + " and test get floor(10%) each, at least one when the user has a few, train the rest)",
      "every test rating of the user (all have 3 stars or more)",
      "every movie of the train ratings except the user's train and validation movies (as RecBole ranks the full"
          + " catalog, masking the user's earlier interactions)",
      true, 1, List.of(Metrics.recall(10), Metrics.ndcg(10), Metrics.hit(10), Metrics.recall(20), Metrics.ndcg(20),
          Metrics.hit(20)));

  public static final Protocol NCF = new Protocol("ncf", Protocol.Task.RANK,
      "leave the latest out, as in the NCF paper: for each user whose ratings have timestamps, the latest rating (ties:"
          + " the larger movie id) is the test item; every other rating, including those of users without"
          + " timestamps, trains",
      "the held-out movie, whatever its stars",
      "the held-out movie and 99 movies the user never rated anywhere in the data, sampled uniformly without"
          + " replacement once per seed, so every recommender ranks the same 100",
      true, 1, List.of(Metrics.hitRatio(10), Metrics.ndcg(10)));

  public static final Protocol COLD_START = new Protocol("cold-start", Protocol.Task.RANK,
      "10% of the users (rounded), chosen at random, are held out with all their ratings; the other users' ratings"
          + " train; a held-out user is known only by age, gender and occupation",
      "the held-out user's ratings of 4 stars or more (users without one are skipped)",
      "every movie of the train ratings", false, COLD_START_MIN_RELEVANT_STARS,
      List.of(Metrics.recall(10), Metrics.ndcg(10)));

  public static final Protocol FEW_SHOT_1 = fewShotProtocol(1);
  public static final Protocol FEW_SHOT_3 = fewShotProtocol(3);
  public static final Protocol FEW_SHOT_5 = fewShotProtocol(5);
  public static final Protocol FEW_SHOT_10 = fewShotProtocol(10);

  private static final List<Protocol> FEW_SHOT_ALL = List.of(FEW_SHOT_1, FEW_SHOT_3, FEW_SHOT_5, FEW_SHOT_10);
  private static final List<Protocol> ALL = List.of(RATING, RANKING, NCF, COLD_START, FEW_SHOT_1, FEW_SHOT_3,
      FEW_SHOT_5, FEW_SHOT_10);

  private static Protocol fewShotProtocol(int revealed) {
    String ratings = revealed == 1 ? "1 of their ratings" : revealed + " of their ratings";
    return new Protocol(FEW_SHOT + "-" + revealed, Protocol.Task.RANK,
        "the cold-start protocol's held-out users (the same 10% for the seed; the other users' ratings train, as in"
            + " cold-start) each reveal " + ratings + ", chosen at random: each held-out user's ratings are"
            + " shuffled, users ascending by id, by the generator that chose the users, and the first " + revealed
            + (revealed == 1 ? " is" : " are") + " revealed (so a smaller number reveals a subset of a larger one's);"
            + " a held-out user is known by age, gender, occupation and the revealed ratings, which no recommender"
            + " trains on; a held-out user with at most " + revealed + (revealed == 1 ? " rating" : " ratings")
            + " cannot reveal " + revealed + " and keep one, and is left out",
        "the held-out user's other ratings of 4 stars or more (users without one are skipped)",
        "every movie of the train ratings except the user's revealed movies", true, COLD_START_MIN_RELEVANT_STARS,
        List.of(Metrics.recall(10), Metrics.ndcg(10)));
  }

  private Protocols() {}

  /** Every protocol, in report order: rating, ranking, ncf, cold-start, few-shot-1, -3, -5, -10. */
  public static List<Protocol> all() {
    return ALL;
  }

  /** The few-shot protocols, by number of revealed ratings ascending: {@link #FEW_SHOT_REVEALED}. */
  public static List<Protocol> fewShot() {
    return FEW_SHOT_ALL;
  }

  /**
   * The protocol with this name.
   *
   * @throws IllegalArgumentException naming the valid names if there is none
   */
  public static Protocol named(String name) {
    for (Protocol p : ALL) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown protocol '" + name + "'; valid: "
        + ALL.stream().map(Protocol::name).collect(Collectors.joining(", ")));
  }

  /**
   * The split of the named protocol; see {@link #rating}, {@link #ranking}, {@link #ncf}, {@link #coldStart}, {@link
   * #fewShot(Ratings, int, long)}.
   */
  public static ProtocolSplit split(String name, Ratings ratings, long seed) {
    Protocol protocol = named(name);
    int fewShot = FEW_SHOT_ALL.indexOf(protocol);
    if (fewShot >= 0) {
      return fewShot(ratings, FEW_SHOT_REVEALED.get(fewShot), seed);
    }
    return switch (protocol.name()) {
      case "rating" -> rating(ratings, seed);
      case "ranking" -> ranking(ratings, seed);
      case "ncf" -> ncf(ratings, seed);
      default -> coldStart(ratings, seed);
    };
  }

  /** {@link #RATING}: {@code Splits.random(ratings, 0.1, seed)}. */
  public static ProtocolSplit rating(Ratings ratings, long seed) {
    Split split = Splits.random(ratings, RATING_TEST_FRACTION, seed);
    return new ProtocolSplit(RATING, seed, split.train(), empty(), empty(), split.test(), CandidateSets.NONE);
  }

  /**
   * {@link #RANKING}. Users are visited in ascending id order; each user's kept ratings are shuffled by one generator
   * seeded with {@code seed}, and the first go to train, the next to validation, the rest to test, in the counts
   * RecBole's {@code split_by_ratio} gives. Each part keeps the original row order.
   */
  public static ProtocolSplit ranking(Ratings ratings, long seed) {
    Ratings kept = ratings.filter(row -> ratings.stars(row) >= RANKING_MIN_STARS);
    int[][] rowsByUser = rowsByUser(kept);
    byte[] part = new byte[kept.size()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int[] rows : rowsByUser) {
      Shuffle.inPlace(rows, random);
      int[] counts = ratioCounts(rows.length, 0.8, 0.1, 0.1);
      for (int i = counts[0]; i < rows.length; i++) {
        part[rows[i]] = (byte) (i < counts[0] + counts[1] ? 1 : 2);
      }
    }
    return new ProtocolSplit(RANKING, seed, kept.filter(row -> part[row] == 0), kept.filter(row -> part[row] == 1),
        empty(), kept.filter(row -> part[row] == 2), CandidateSets.NONE);
  }

  /**
   * How many of {@code total} items go to each part, as RecBole's {@code _calcu_split_ids}: every part but the first
   * gets {@code floor(ratio * total)}, the first the rest; then, from the last part back, a part whose share is
   * between 0 and 1 item gets one, taken from the first, while the first has more than one.
   */
  static int[] ratioCounts(int total, double... ratios) {
    int[] counts = new int[ratios.length];
    int rest = total;
    for (int i = 1; i < ratios.length; i++) {
      counts[i] = (int) (ratios[i] * total);
      rest -= counts[i];
    }
    counts[0] = rest;
    for (int i = ratios.length - 1; i >= 1; i--) {
      if (counts[0] <= 1) {
        break;
      }
      double share = ratios[i] * total;
      if (share > 0 && share < 1) {
        counts[i]++;
        counts[0]--;
      }
    }
    return counts;
  }

  /**
   * {@link #NCF}. The test users are those all of whose ratings have timestamps (see {@link Timestamps#merge} for data
   * without them); users with none only train. Each test user's latest rating, ties broken by the larger movie id,
   * is the test item. The 99 negatives of each test user are drawn, users in ascending id order, by one generator
   * seeded with {@code seed}, uniformly without replacement from the movies of {@code ratings} the user never rated.
   *
   * @throws IllegalArgumentException if a user has timestamps on some ratings but not all, if no user has them, or if
   *     a test user has rated all but fewer than 99 of the movies
   */
  public static ProtocolSplit ncf(Ratings ratings, long seed) {
    int[][] rowsByUser = rowsByUser(ratings);
    boolean[] isTest = new boolean[ratings.size()];
    int[] latestRows = new int[rowsByUser.length]; // of the test users, ascending by user id
    int testUsers = 0;
    for (int[] rows : rowsByUser) {
      int stamped = 0;
      int latest = -1;
      for (int row : rows) {
        if (ratings.timestamp(row) != Rating.NO_TIMESTAMP) {
          stamped++;
          if (latest < 0 || isLater(ratings, row, latest)) {
            latest = row;
          }
        }
      }
      if (stamped > 0 && stamped < rows.length) {
        throw new IllegalArgumentException("user " + ratings.userId(rows[0]) + " has timestamps on " + stamped + " of "
            + rows.length + " ratings; the ncf protocol needs a user's ratings to have timestamps on all or none");
      }
      if (stamped > 0) {
        isTest[latest] = true;
        latestRows[testUsers++] = latest;
      }
    }
    if (testUsers == 0) {
      throw new IllegalArgumentException("no rating has a timestamp; the ncf protocol holds out each user's latest"
          + " rating (attach timestamps with Timestamps.merge)");
    }
    int[] catalog = IdIndex.of(movieIds(ratings)).ids();
    SeenMovies rated = SeenMovies.of(ratings);
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, int[]> candidates = new HashMap<>();
    boolean[] taken = new boolean[catalog.length];
    for (int t = 0; t < testUsers; t++) {
      int row = latestRows[t];
      int user = ratings.userId(row);
      int unrated = catalog.length - rated.moviesOf(user).length;
      if (unrated < NCF_NEGATIVES) {
        throw new IllegalArgumentException("user " + user + " has rated all but " + unrated + " of the "
            + catalog.length + " movies; the ncf protocol needs " + NCF_NEGATIVES + " unrated ones");
      }
      int[] chosen = new int[NCF_NEGATIVES + 1];
      chosen[0] = ratings.movieId(row);
      int[] chosenIndexes = new int[NCF_NEGATIVES];
      for (int n = 0; n < NCF_NEGATIVES; ) {
        int c = random.nextInt(catalog.length);
        if (!taken[c] && !rated.has(user, catalog[c])) {
          taken[c] = true;
          chosenIndexes[n++] = c;
        }
      }
      for (int n = 0; n < NCF_NEGATIVES; n++) {
        taken[chosenIndexes[n]] = false;
        chosen[n + 1] = catalog[chosenIndexes[n]];
      }
      candidates.put(user, chosen);
    }
    return new ProtocolSplit(NCF, seed, ratings.filter(row -> !isTest[row]), empty(), empty(),
        ratings.filter(row -> isTest[row]), CandidateSets.of(candidates));
  }

  /** Whether rating {@code a} is later than {@code b}: a later timestamp, or the same and a larger movie id. */
  private static boolean isLater(Ratings ratings, int a, int b) {
    long ta = ratings.timestamp(a);
    long tb = ratings.timestamp(b);
    return ta > tb || (ta == tb && ratings.movieId(a) > ratings.movieId(b));
  }

  /**
   * {@link #COLD_START}. Of the users with ratings, ascending by id, {@code round(10%)} are chosen by a partial
   * Fisher-Yates shuffle seeded with {@code seed}; all their ratings are the test part, every other rating trains.
   */
  public static ProtocolSplit coldStart(Ratings ratings, long seed) {
    boolean[] isTest = coldStartRows(ratings, new SplittableRandom(seed));
    return new ProtocolSplit(COLD_START, seed, ratings.filter(row -> !isTest[row]), empty(), empty(),
        ratings.filter(row -> isTest[row]), CandidateSets.NONE);
  }

  /**
   * A few-shot protocol ({@link #fewShot()}): {@link #coldStart}'s held-out users for the seed, each revealing {@code
   * revealed} ratings. The generator that chose the users (seeded with {@code seed}) then shuffles each held-out user's
   * rows ({@link Shuffle#inPlace}), users ascending by id, each user's rows in table order before the shuffle; the
   * first {@code revealed} rows are the revealed part, the others the test part. Every held-out user is shuffled, so a
   * user's revealed ratings for a smaller number are the first of those for a larger one; a user with at most {@code
   * revealed} ratings is then left out of both parts. The train part is cold-start's. Each part keeps the original row
   * order.
   *
   * @param revealed one of {@link #FEW_SHOT_REVEALED}
   * @throws IllegalArgumentException if {@code revealed} is not one of them, or no held-out user has more than {@code
   *     revealed} ratings
   */
  public static ProtocolSplit fewShot(Ratings ratings, int revealed, long seed) {
    int index = FEW_SHOT_REVEALED.indexOf(revealed);
    if (index < 0) {
      throw new IllegalArgumentException("a few-shot protocol reveals one of " + FEW_SHOT_REVEALED
          + " ratings per user, got: " + revealed);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] heldOut = coldStartRows(ratings, random);
    Ratings heldOutRatings = ratings.filter(row -> heldOut[row]);
    byte[] part = new byte[heldOutRatings.size()]; // 0: left out, 1: revealed, 2: test
    for (int[] rows : rowsByUser(heldOutRatings)) {
      Shuffle.inPlace(rows, random);
      if (rows.length > revealed) {
        for (int i = 0; i < rows.length; i++) {
          part[rows[i]] = (byte) (i < revealed ? 1 : 2);
        }
      }
    }
    Ratings test = heldOutRatings.filter(row -> part[row] == 2);
    if (test.size() == 0) {
      throw new IllegalArgumentException("none of the " + distinctUsers(heldOutRatings) + " held-out users has more"
          + " than " + revealed + " ratings, so none can reveal " + revealed + " and keep one to be found");
    }
    return new ProtocolSplit(FEW_SHOT_ALL.get(index), seed, ratings.filter(row -> !heldOut[row]), empty(),
        heldOutRatings.filter(row -> part[row] == 1), test, CandidateSets.NONE);
  }

  /**
   * Which rows belong to the cold-start users: of the users with ratings, ascending by id, {@code round(10%)} chosen
   * by a partial Fisher-Yates shuffle drawing from {@code random}.
   */
  private static boolean[] coldStartRows(Ratings ratings, SplittableRandom random) {
    int[] users = IdIndex.of(userIds(ratings)).ids();
    int holdOut = (int) Math.round(users.length * COLD_START_USER_FRACTION);
    for (int i = 0; i < holdOut; i++) {
      int j = i + random.nextInt(users.length - i);
      int t = users[i];
      users[i] = users[j];
      users[j] = t;
    }
    int[] heldOut = Arrays.copyOf(users, holdOut);
    Arrays.sort(heldOut);
    boolean[] isTest = new boolean[ratings.size()];
    for (int row = 0; row < ratings.size(); row++) {
      isTest[row] = Arrays.binarySearch(heldOut, ratings.userId(row)) >= 0;
    }
    return isTest;
  }

  /** The rows of each user, users ascending by id, each user's rows in table order. */
  public static int[][] rowsByUser(Ratings ratings) {
    IdIndex users = IdIndex.of(userIds(ratings));
    int[] counts = new int[users.rows()];
    for (int row = 0; row < ratings.size(); row++) {
      counts[users.row(ratings.userId(row))]++;
    }
    int[][] rows = new int[users.size()][];
    for (int u = 1; u <= users.size(); u++) {
      rows[u - 1] = new int[counts[u]];
    }
    int[] filled = new int[users.rows()];
    for (int row = 0; row < ratings.size(); row++) {
      int u = users.row(ratings.userId(row));
      rows[u - 1][filled[u]++] = row;
    }
    return rows;
  }

  private static int distinctUsers(Ratings ratings) {
    return IdIndex.of(userIds(ratings)).size();
  }

  private static int[] userIds(Ratings ratings) {
    int[] ids = new int[ratings.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ratings.userId(i);
    }
    return ids;
  }

  private static int[] movieIds(Ratings ratings) {
    int[] ids = new int[ratings.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ratings.movieId(i);
    }
    return ids;
  }

  private static Ratings empty() {
    return Ratings.of(List.of());
  }
}
