package org.movierec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every weight of the fusion model, by name. The names and shapes are defined here, once, for the trainer, the file
 * format and the forward pass alike.
 */
public final class FusionWeights {
  public static final String USER_ID_EMB = "user.id.emb";
  public static final String USER_ID_FC = "user.id.fc";
  public static final String GENDER_EMB = "user.gender.emb";
  public static final String GENDER_FC = "user.gender.fc";
  public static final String AGE_EMB = "user.age.emb";
  public static final String AGE_FC = "user.age.fc";
  public static final String JOB_EMB = "user.job.emb";
  public static final String JOB_FC = "user.job.fc";
  public static final String USER_FC = "user.fc";
  public static final String MOVIE_ID_EMB = "movie.id.emb";
  public static final String MOVIE_ID_FC = "movie.id.fc";
  public static final String GENRE_EMB = "movie.genre.emb";
  public static final String TITLE_EMB = "movie.title.emb";
  public static final String TITLE_CONV = "movie.title.conv";
  public static final String MOVIE_FC = "movie.fc";

  /** Suffixes of a fully connected layer's weight ({@code [in, out]}) and bias ({@code [out]}). */
  public static final String W = ".w";
  public static final String B = ".b";

  private final Weights tensors;

  private FusionWeights(Weights tensors) {
    this.tensors = tensors;
  }
  /** The name and shape of every tensor the model has, in a fixed order. */
  public static Map<String, int[]> layout(ModelShape s) {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put(USER_ID_EMB, new int[] {s.userRows(), s.idDim()});
    fc(m, USER_ID_FC, s.idDim(), s.idDim());
    m.put(GENDER_EMB, new int[] {ModelShape.GENDERS, s.demographicDim()});
    fc(m, GENDER_FC, s.demographicDim(), s.demographicDim());
    m.put(AGE_EMB, new int[] {ModelShape.AGES, s.demographicDim()});
    fc(m, AGE_FC, s.demographicDim(), s.demographicDim());
    m.put(JOB_EMB, new int[] {ModelShape.OCCUPATIONS, s.demographicDim()});
    fc(m, JOB_FC, s.demographicDim(), s.demographicDim());
    fc(m, USER_FC, s.userConcatDim(), s.towerDim());
    m.put(MOVIE_ID_EMB, new int[] {s.movieRows(), s.idDim()});
    fc(m, MOVIE_ID_FC, s.idDim(), s.idDim());
    m.put(GENRE_EMB, new int[] {ModelShape.GENRES, s.genreDim()});
    m.put(TITLE_EMB, new int[] {s.titleVocabulary(), s.titleDim()});
    fc(m, TITLE_CONV, s.titleWindow() * s.titleDim(), s.titleFilters());
    fc(m, MOVIE_FC, s.movieConcatDim(), s.towerDim());
    return m;
  }

  private static void fc(Map<String, int[]> m, String name, int in, int out) {
    m.put(name + W, new int[] {in, out});
    m.put(name + B, new int[] {out});
  }

  /** Checks that the tensors are exactly those of the layout, each with its shape, and keeps them in layout order. */
  public static FusionWeights of(ModelShape shape, List<Tensor> tensors) {
    return new FusionWeights(Weights.of(layout(shape), tensors));
  }

  public Tensor get(String name) {
    return tensors.get(name);
  }

  /** All tensors in layout order. */
  public List<Tensor> all() {
    return tensors.all();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FusionWeights w && tensors.equals(w.tensors);
  }

  @Override
  public int hashCode() {
    return tensors.hashCode();
  }
}
