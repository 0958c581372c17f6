package org.movierec.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names and shapes of the history model's weights, defined once for the trainer, the file format and the forward
 * pass. A fully connected layer {@code L} is {@code L.w} ({@code [in, out]}) and {@code L.b} ({@code [out]}).
 */
public final class HistoryWeights {
  /** Per rated movie: its embedding, summed over the user's history. */
  public static final String HISTORY_EMB = "user.history.emb";
  /** Per rated movie: a second embedding, weighted by the rating's stars centred on 3 ((stars - 3) / 2). */
  public static final String HISTORY_STARS = "user.history.stars";
  public static final String GENDER_EMB = "user.gender.emb";
  public static final String AGE_EMB = "user.age.emb";
  public static final String JOB_EMB = "user.job.emb";
  /** Pooled history and demographics to the hidden layer (tanh). */
  public static final String USER_HIDDEN = "user.hidden";
  /** Hidden layer to the user's ranking vector. */
  public static final String USER_OUT = "user.out";
  /** Hidden layer to the user's star vector. */
  public static final String USER_STARS = "user.stars";
  /** Hidden layer to the user's star bias (one number). */
  public static final String USER_STARS_BIAS = "user.stars.bias";
  public static final String MOVIE_ID_EMB = "movie.id.emb";
  public static final String GENRE_EMB = "movie.genre.emb";
  public static final String TITLE_EMB = "movie.title.emb";
  public static final String TITLE_CONV = "movie.title.conv";
  /** Genres and title to the content part of the movie vector. */
  public static final String MOVIE_CONTENT = "movie.content";
  /** Per movie: the ranking bias, folded into the index vectors. */
  public static final String MOVIE_BIAS = "movie.bias";
  /** Per movie: what the star head adds to the movie vector, {@code [movieRows, towerDim]}. */
  public static final String MOVIE_STARS_EMB = "movie.stars.emb";
  /** Per movie: the star bias. */
  public static final String MOVIE_STARS_BIAS = "movie.stars.bias";
  /** The mean rating the star predictions start from. */
  public static final String GLOBAL_STARS = "global.stars";

  /** The fold-in factorization's mean rating ({@link FoldInFactors}), {@code [1]}. */
  public static final String FOLD_IN_MU = "stars.foldin.mu";
  /** Per movie: the fold-in factorization's bias. */
  public static final String FOLD_IN_BIAS = "stars.foldin.bias";
  /** Per movie: the fold-in factorization's vector, {@code [movieRows, starFactors]}. */
  public static final String FOLD_IN_VECTORS = "stars.foldin.vectors";

  public static final String W = ".w";
  public static final String B = ".b";

  private HistoryWeights() {}

  /** The name and shape of every tensor, in a fixed order: the {@link #network} and the fold-in factorization. */
  public static Map<String, int[]> layout(HistoryShape s) {
    Map<String, int[]> m = network(s);
    m.putAll(foldIn(s));
    return m;
  }

  /** The fold-in factorization's tensors, learned apart from the network. */
  public static Map<String, int[]> foldIn(HistoryShape s) {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put(FOLD_IN_MU, new int[] {1});
    m.put(FOLD_IN_BIAS, new int[] {s.movieRows()});
    m.put(FOLD_IN_VECTORS, new int[] {s.movieRows(), s.starFactors()});
    return m;
  }

  /** The tensors of the towers and the star head, which gradient descent learns together. */
  public static Map<String, int[]> network(HistoryShape s) {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put(HISTORY_EMB, new int[] {s.movieRows(), s.historyDim()});
    m.put(HISTORY_STARS, new int[] {s.movieRows(), s.historyDim()});
    m.put(GENDER_EMB, new int[] {ModelShape.GENDERS, s.demographicDim()});
    m.put(AGE_EMB, new int[] {ModelShape.AGES, s.demographicDim()});
    m.put(JOB_EMB, new int[] {ModelShape.OCCUPATIONS, s.demographicDim()});
    fc(m, USER_HIDDEN, s.userInputDim(), s.hiddenDim());
    fc(m, USER_OUT, s.hiddenDim(), s.towerDim());
    fc(m, USER_STARS, s.hiddenDim(), s.towerDim());
    fc(m, USER_STARS_BIAS, s.hiddenDim(), 1);
    m.put(MOVIE_ID_EMB, new int[] {s.movieRows(), s.towerDim()});
    m.put(GENRE_EMB, new int[] {ModelShape.GENRES, s.genreDim()});
    m.put(TITLE_EMB, new int[] {s.titleVocabulary(), s.titleDim()});
    fc(m, TITLE_CONV, 3 * s.titleDim(), s.titleFilters());
    fc(m, MOVIE_CONTENT, s.contentDim(), s.towerDim());
    m.put(MOVIE_BIAS, new int[] {s.movieRows()});
    m.put(MOVIE_STARS_EMB, new int[] {s.movieRows(), s.towerDim()});
    m.put(MOVIE_STARS_BIAS, new int[] {s.movieRows()});
    m.put(GLOBAL_STARS, new int[] {1});
    return m;
  }

  private static void fc(Map<String, int[]> m, String name, int in, int out) {
    m.put(name + W, new int[] {in, out});
    m.put(name + B, new int[] {out});
  }
}
