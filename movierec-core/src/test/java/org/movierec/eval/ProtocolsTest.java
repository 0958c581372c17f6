package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.Splits;

class ProtocolsTest {
  private static final long NONE = Rating.NO_TIMESTAMP;

  /** users x perUser ratings; user u rates movies u*100+1 .. u*100+perUser with stars cycling 1..5. */
  private static Ratings grid(int users, int perUser) {
    Ratings.Builder b = new Ratings.Builder(users * perUser);
    for (int u = 1; u <= users; u++) {
      for (int i = 1; i <= perUser; i++) {
        b.add(u, u * 100 + i, 1 + (u + i) % 5, NONE);
      }
    }
    return b.build();
  }

  private static List<String> pairs(Ratings r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.userId(i) + ":" + r.movieId(i));
    }
    return out;
  }

  private static Set<Integer> users(Ratings r) {
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.userId(i));
    }
    return out;
  }

  // ---- rating ----

  @Test
  void rating_protocol_is_the_demos_random_90_10_split() {
    Ratings ratings = grid(30, 10);
    ProtocolSplit split = Protocols.rating(ratings, 5);

    assertThat(split.protocol()).isEqualTo(Protocols.RATING);
    assertThat(split.test()).isEqualTo(Splits.random(ratings, 0.1, 5).test());
    assertThat(split.train()).isEqualTo(Splits.random(ratings, 0.1, 5).train());
    assertThat(split.test().size()).isEqualTo(30);
    assertThat(split.validation().size()).isZero();
    assertThat(split.candidates()).isEqualTo(CandidateSets.NONE);
  }

  // ---- ranking ----

  @Test
  void ranking_counts_per_user_follow_recboles_rounding() {
    assertThat(Protocols.ratioCounts(10, 0.8, 0.1, 0.1)).containsExactly(8, 1, 1);
    assertThat(Protocols.ratioCounts(20, 0.8, 0.1, 0.1)).containsExactly(16, 2, 2);
    assertThat(Protocols.ratioCounts(19, 0.8, 0.1, 0.1)).containsExactly(17, 1, 1);
    assertThat(Protocols.ratioCounts(5, 0.8, 0.1, 0.1)).containsExactly(3, 1, 1);
    assertThat(Protocols.ratioCounts(3, 0.8, 0.1, 0.1)).containsExactly(1, 1, 1);
    assertThat(Protocols.ratioCounts(2, 0.8, 0.1, 0.1)).containsExactly(1, 0, 1);
    assertThat(Protocols.ratioCounts(1, 0.8, 0.1, 0.1)).containsExactly(1, 0, 0);
    assertThat(Protocols.ratioCounts(0, 0.8, 0.1, 0.1)).containsExactly(0, 0, 0);
  }

  @Test
  void ranking_keeps_ratings_of_3_stars_or_more_and_splits_each_user_80_10_10() {
    Ratings ratings = grid(8, 25); // 15 of each user's 25 ratings have 3 stars or more
    ProtocolSplit split = Protocols.ranking(ratings, 3);

    for (Ratings part : List.of(split.train(), split.validation(), split.test())) {
      for (int i = 0; i < part.size(); i++) {
        assertThat(part.stars(i)).isGreaterThanOrEqualTo(3);
      }
    }
    for (int u = 1; u <= 8; u++) {
      int user = u;
      assertThat(split.train().filter(i -> split.train().userId(i) == user).size()).isEqualTo(13);
      assertThat(split.validation().filter(i -> split.validation().userId(i) == user).size()).isEqualTo(1);
      assertThat(split.test().filter(i -> split.test().userId(i) == user).size()).isEqualTo(1);
    }
    List<String> all = new ArrayList<>(pairs(split.train()));
    all.addAll(pairs(split.validation()));
    all.addAll(pairs(split.test()));
    assertThat(all).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(pairs(ratings.filter(i -> ratings.stars(i) >= 3)));
  }

  @Test
  void ranking_chooses_the_same_ratings_for_the_same_seed_today_and_tomorrow() {
    Ratings ratings = grid(2, 10); // 6 ratings of 3+ stars per user: 4 train, 1 validation, 1 test

    ProtocolSplit split = Protocols.ranking(ratings, 42);

    assertThat(pairs(split.train())).containsExactly("1:101", "1:103", "1:106", "1:107", "2:201", "2:205", "2:206",
        "2:207");
    assertThat(pairs(split.validation())).containsExactly("1:102", "2:202");
    assertThat(pairs(split.test())).containsExactly("1:108", "2:210");
    assertThat(Protocols.ranking(ratings, 42)).isEqualTo(split);
    assertThat(Protocols.ranking(grid(50, 20), 1).test()).isNotEqualTo(Protocols.ranking(grid(50, 20), 2).test());
  }

  @Test
  void ranking_validation_run_judges_on_the_validation_part() {
    ProtocolSplit split = Protocols.ranking(grid(8, 25), 3);
    ProtocolSplit validation = split.validationRun();

    assertThat(validation.protocol().name()).isEqualTo("ranking-validation");
    assertThat(validation.test()).isEqualTo(split.validation());
    assertThat(validation.train()).isEqualTo(split.train());
    assertThat(validation.validation().size()).isZero();
    assertThatThrownBy(() -> Protocols.coldStart(grid(10, 3), 1).validationRun())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the cold-start protocol has no validation part");
  }

  // ---- ncf ----

  /** Users 1 and 2 with timestamps, user 3 without; user 9 (no timestamps) rates movies 1000..1199 to fill the data. */
  private static Ratings timestamped() {
    Ratings.Builder b = new Ratings.Builder(300);
    b.add(1, 10, 4, 100).add(1, 20, 2, 300).add(1, 30, 5, 300).add(1, 1000, 3, 200);
    b.add(2, 10, 1, 50).add(2, 40, 3, 10);
    b.add(3, 10, 5, NONE).add(3, 20, 5, NONE);
    for (int m = 1000; m < 1200; m++) {
      b.add(9, m, 3, NONE);
    }
    return b.build();
  }

  @Test
  void ncf_holds_out_each_timestamped_users_latest_rating_ties_going_to_the_larger_movie_id() {
    ProtocolSplit split = Protocols.ncf(timestamped(), 7);

    assertThat(pairs(split.test())).containsExactly("1:30", "2:10");
    assertThat(split.testUsers()).isEqualTo(2);
    assertThat(split.train().size()).isEqualTo(timestamped().size() - 2);
    assertThat(pairs(split.train())).contains("1:20", "1:10", "2:40", "3:10", "3:20").doesNotContain("1:30", "2:10");
  }

  @Test
  void ncf_candidates_are_the_held_out_movie_and_99_distinct_movies_the_user_never_rated() {
    Ratings ratings = timestamped();
    ProtocolSplit split = Protocols.ncf(ratings, 7);
    SeenMovies rated = SeenMovies.of(ratings);
    Set<Integer> inData = new HashSet<>();
    for (int i = 0; i < ratings.size(); i++) {
      inData.add(ratings.movieId(i));
    }

    assertThat(split.candidates().users()).isEqualTo(2);
    assertThat(split.candidates().has(3)).isFalse();
    for (int i = 0; i < split.test().size(); i++) {
      int user = split.test().userId(i);
      int[] candidates = split.candidates().of(user);
      assertThat(candidates).hasSize(100).doesNotHaveDuplicates().isSorted().contains(split.test().movieId(i));
      for (int movie : candidates) {
        assertThat(inData).contains(movie);
        if (movie != split.test().movieId(i)) {
          assertThat(rated.has(user, movie)).as("user %d rated negative %d", user, movie).isFalse();
        }
      }
    }
  }

  @Test
  void ncf_negatives_are_fixed_by_the_seed() {
    Ratings ratings = timestamped();

    assertThat(Protocols.ncf(ratings, 7)).isEqualTo(Protocols.ncf(ratings, 7));
    assertThat(Protocols.ncf(ratings, 7).candidates()).isNotEqualTo(Protocols.ncf(ratings, 8).candidates());
  }

  @Test
  void ncf_refuses_a_user_with_timestamps_on_some_ratings_only() {
    Ratings ratings = Ratings.of(List.of(new Rating(5, 1, 3, 10), new Rating(5, 2, 3, NONE)));

    assertThatThrownBy(() -> Protocols.ncf(ratings, 1))
        .hasMessage("user 5 has timestamps on 1 of 2 ratings; the ncf protocol needs a user's ratings to have"
            + " timestamps on all or none");
  }

  @Test
  void ncf_refuses_data_without_timestamps() {
    assertThatThrownBy(() -> Protocols.ncf(grid(3, 3), 1))
        .hasMessageStartingWith("no rating has a timestamp; the ncf protocol holds out each user's latest rating");
  }

  @Test
  void ncf_refuses_a_user_who_left_fewer_than_99_movies_unrated() {
    Ratings.Builder b = new Ratings.Builder(200);
    for (int m = 1; m <= 150; m++) {
      b.add(1, m, 3, m);
    }
    b.add(2, 1, 3, NONE);

    assertThatThrownBy(() -> Protocols.ncf(b.build(), 1))
        .hasMessage("user 1 has rated all but 0 of the 150 movies; the ncf protocol needs 99 unrated ones");
  }

  // ---- cold-start ----

  @Test
  void cold_start_holds_out_10_percent_of_users_with_all_their_ratings() {
    Ratings ratings = grid(20, 6);
    ProtocolSplit split = Protocols.coldStart(ratings, 11);

    Set<Integer> heldOut = users(split.test());
    assertThat(heldOut).hasSize(2);
    assertThat(split.test().size()).isEqualTo(12);
    assertThat(users(split.train())).hasSize(18).doesNotContainAnyElementsOf(heldOut);
    assertThat(split.train().size() + split.test().size()).isEqualTo(ratings.size());
    assertThat(split.protocol().minRelevantStars()).isEqualTo(4);
    assertThat(split.protocol().seenExcluded()).isFalse();
    assertThat(Protocols.coldStart(grid(15, 2), 1).testUsers()).isEqualTo(2); // round(1.5)
  }

  @Test
  void cold_start_chooses_the_same_users_for_the_same_seed() {
    Ratings ratings = grid(20, 6);

    assertThat(users(Protocols.coldStart(ratings, 11).test())).containsExactlyInAnyOrder(6, 17);
    assertThat(Protocols.coldStart(ratings, 11)).isEqualTo(Protocols.coldStart(ratings, 11));
    assertThat(users(Protocols.coldStart(grid(200, 1), 1).test()))
        .isNotEqualTo(users(Protocols.coldStart(grid(200, 1), 2).test()));
  }

  // ---- few-shot ----

  /**
   * Users 1..20 (cold-start seed 11 holds out users 6 and 17, as for {@code grid(20, 6)}): user 6 rated 2 movies (601,
   * 602), user 17 rated 6 (1701..1706), every other user 4; stars cycle as in {@link #grid}.
   */
  private static Ratings uneven() {
    Ratings.Builder b = new Ratings.Builder(90);
    for (int u = 1; u <= 20; u++) {
      int count = u == 6 ? 2 : u == 17 ? 6 : 4;
      for (int i = 1; i <= count; i++) {
        b.add(u, u * 100 + i, 1 + (u + i) % 5, NONE);
      }
    }
    return b.build();
  }

  @Test
  void few_shot_reveals_ratings_of_the_cold_start_users_and_trains_on_cold_starts_train_part() {
    Ratings ratings = grid(20, 12);
    ProtocolSplit coldStart = Protocols.coldStart(ratings, 11);

    for (int n : Protocols.FEW_SHOT_REVEALED) {
      ProtocolSplit split = Protocols.fewShot(ratings, n, 11);
      assertThat(split.train()).as("train of few-shot-%d", n).isEqualTo(coldStart.train());
      assertThat(users(coldStart.test())).containsAll(users(split.revealed())).containsAll(users(split.test()));
      assertThat(split.validation().size()).isZero();
      assertThat(split.candidates()).isEqualTo(CandidateSets.NONE);
      assertThat(split.protocol().name()).isEqualTo("few-shot-" + n);
    }
    assertThat(users(coldStart.test())).containsExactlyInAnyOrder(6, 17);
  }

  @Test
  void few_shot_reveals_the_same_ratings_for_the_same_seed_and_leaves_out_users_with_too_few() {
    Ratings ratings = uneven();

    // The generator of seed 11 picks users 6 and 17, then shuffles 6's rows to (602, 601) and 17's to (1704, 1702,
    // 1706, 1703, 1705, 1701); each part lists its ratings in table order.
    ProtocolSplit one = Protocols.fewShot(ratings, 1, 11);
    assertThat(pairs(one.revealed())).containsExactly("6:602", "17:1704");
    assertThat(pairs(one.test())).containsExactly("6:601", "17:1701", "17:1702", "17:1703", "17:1705", "17:1706");
    ProtocolSplit three = Protocols.fewShot(ratings, 3, 11);
    // user 6 has 2 ratings: cannot reveal 3 and keep one
    assertThat(pairs(three.revealed())).containsExactly("17:1702", "17:1704", "17:1706");
    assertThat(pairs(three.test())).containsExactly("17:1701", "17:1703", "17:1705");
    ProtocolSplit five = Protocols.fewShot(ratings, 5, 11);
    assertThat(pairs(five.revealed())).containsExactly("17:1702", "17:1703", "17:1704", "17:1705", "17:1706");
    assertThat(pairs(five.test())).containsExactly("17:1701");
    assertThatThrownBy(() -> Protocols.fewShot(ratings, 10, 11))
        .hasMessage("none of the 2 held-out users has more than 10 ratings, so none can reveal 10 and keep one to be"
            + " found");

    assertThat(Protocols.fewShot(ratings, 3, 11)).isEqualTo(three);
    assertThat(Protocols.fewShot(grid(40, 30), 5, 1).revealed())
        .isNotEqualTo(Protocols.fewShot(grid(40, 30), 5, 2).revealed());
  }

  @Test
  void few_shot_splits_each_held_out_users_ratings_into_revealed_and_test_a_smaller_number_revealing_a_subset() {
    Ratings ratings = grid(40, 30); // 4 held-out users with 30 ratings each
    ProtocolSplit coldStart = Protocols.coldStart(ratings, 5);
    List<String> previous = List.of();

    for (int n : Protocols.FEW_SHOT_REVEALED) {
      ProtocolSplit split = Protocols.fewShot(ratings, n, 5);
      for (int user : users(coldStart.test())) {
        assertThat(split.revealed().filter(i -> split.revealed().userId(i) == user).size()).isEqualTo(n);
        assertThat(split.test().filter(i -> split.test().userId(i) == user).size()).isEqualTo(30 - n);
      }
      List<String> revealedAndTest = new ArrayList<>(pairs(split.revealed()));
      revealedAndTest.addAll(pairs(split.test()));
      assertThat(revealedAndTest).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(pairs(coldStart.test()));
      assertThat(pairs(split.revealed())).containsAll(previous);
      previous = pairs(split.revealed());
    }
  }

  @Test
  void few_shot_refuses_a_number_of_revealed_ratings_it_does_not_report() {
    assertThatThrownBy(() -> Protocols.fewShot(grid(20, 6), 2, 1))
        .hasMessage("a few-shot protocol reveals one of [1, 3, 5, 10] ratings per user, got: 2");
  }

  @Test
  void few_shot_protocols_rank_the_train_catalog_without_the_revealed_movies() {
    assertThat(Protocols.fewShot()).extracting(Protocol::name)
        .containsExactly("few-shot-1", "few-shot-3", "few-shot-5", "few-shot-10");
    for (Protocol p : Protocols.fewShot()) {
      assertThat(p.metricNames()).containsExactly("Recall@10", "NDCG@10");
      assertThat(p.minRelevantStars()).isEqualTo(4);
      assertThat(p.seenExcluded()).isTrue();
    }
    assertThat(Protocols.FEW_SHOT_5.split()).contains("each reveal 5 of their ratings")
        .contains("with at most 5 ratings cannot reveal 5 and keep one, and is left out");
    assertThat(Protocols.FEW_SHOT_1.split()).contains("each reveal 1 of their ratings")
        .contains("the first 1 is revealed").contains("with at most 1 rating cannot reveal 1");
    assertThat(Protocols.FEW_SHOT_10.candidates())
        .isEqualTo("every movie of the train ratings except the user's revealed movies");
  }

  @Test
  void a_split_with_revealed_ratings_refuses_a_revealing_user_who_trains_or_a_rating_both_revealed_and_tested() {
    Ratings train = Ratings.of(List.of(new Rating(1, 10, 4, NONE)));
    Ratings none = Ratings.of(List.of());

    assertThatThrownBy(() -> new ProtocolSplit(Protocols.FEW_SHOT_1, 1, train, none,
        Ratings.of(List.of(new Rating(1, 20, 4, NONE))), Ratings.of(List.of(new Rating(1, 30, 4, NONE))),
        CandidateSets.NONE))
        .hasMessage("user 1 has revealed ratings and training ratings of 1 movies; a user who reveals ratings must be"
            + " new to the training data");
    assertThatThrownBy(() -> new ProtocolSplit(Protocols.FEW_SHOT_1, 1, train, none,
        Ratings.of(List.of(new Rating(2, 20, 4, NONE))), Ratings.of(List.of(new Rating(2, 20, 4, NONE))),
        CandidateSets.NONE))
        .hasMessage("user 2's rating of movie 20 is both revealed and held out for testing; it must be one or the"
            + " other");
  }

  // ---- names ----

  @Test
  void protocols_are_found_by_name_and_describe_themselves() {
    assertThat(Protocols.all()).extracting(Protocol::name).containsExactly("rating", "ranking", "ncf", "cold-start",
        "few-shot-1", "few-shot-3", "few-shot-5", "few-shot-10");
    assertThat(Protocols.named("ncf")).isSameAs(Protocols.NCF);
    assertThat(Protocols.named("few-shot-5")).isSameAs(Protocols.FEW_SHOT_5);
    assertThat(Protocols.split("cold-start", grid(20, 6), 11)).isEqualTo(Protocols.coldStart(grid(20, 6), 11));
    assertThat(Protocols.split("few-shot-3", grid(20, 6), 11)).isEqualTo(Protocols.fewShot(grid(20, 6), 3, 11));
    assertThat(Protocols.RANKING.metricNames())
        .containsExactly("Recall@10", "NDCG@10", "Hit@10", "Recall@20", "NDCG@20", "Hit@20");
    assertThat(Protocols.NCF.metricNames()).containsExactly("HR@10", "NDCG@10");
    assertThat(Protocols.RATING.metricNames()).containsExactly("RMSE", "MAE");
    assertThat(Protocols.RANKING.maxK()).isEqualTo(20);
    for (Protocol p : Protocols.all()) {
      assertThat(List.of(p.split(), p.relevance(), p.candidates())).allSatisfy(text -> assertThat(text).isNotBlank());
    }
    assertThatThrownBy(() -> Protocols.named("leave-one-out"))
        .hasMessage("unknown protocol 'leave-one-out'; valid: rating, ranking, ncf, cold-start, few-shot-1, few-shot-3,"
            + " few-shot-5, few-shot-10");
    assertThatThrownBy(() -> Protocols.named("few-shot")).hasMessageStartingWith("unknown protocol 'few-shot'");
  }

  @Test
  void summary_gives_the_sizes_of_each_part() {
    ProtocolSplit split = Protocols.ncf(timestamped(), 7);

    assertThat(split.summary()).isEqualTo("ncf (seed 7): train 206 ratings of 4 users and 203 movies; test 2 ratings"
        + " of 2 users and 2 movies; fixed candidates for 2 users");
    assertThat(Protocols.fewShot(uneven(), 1, 11).summary()).isEqualTo("few-shot-1 (seed 11): train 72 ratings of 18"
        + " users and 72 movies; revealed 2 ratings of 2 users and 2 movies; test 6 ratings of 2 users and 6 movies");
  }
}
