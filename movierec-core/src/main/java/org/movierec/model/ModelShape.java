package org.movierec.model;

/**
 * The sizes of the fusion model's layers. The defaults are the original demo's.
 *
 * @param userRows rows of the user-id embedding: known users + 1 (row 0 is the learned "unknown user")
 * @param movieRows rows of the movie-id embedding: known movies + 1 (row 0 is the learned "unknown movie")
 * @param titleVocabulary rows of the title-word embedding, padding (0) and unknown word (1) included
 * @param titleLength title words read per movie (longer titles are cut, shorter ones padded)
 * @param idDim user-id and movie-id embedding and FC width (32)
 * @param demographicDim gender, age and occupation embedding and FC width (16)
 * @param genreDim genre embedding width (32)
 * @param titleDim title-word embedding width (32)
 * @param titleWindow text-CNN window (3, centred: the word, the one before and the one after)
 * @param titleFilters text-CNN filters (32)
 * @param towerDim width of each tower's output vector (200)
 */
public record ModelShape(
    int userRows,
    int movieRows,
    int titleVocabulary,
    int titleLength,
    int idDim,
    int demographicDim,
    int genreDim,
    int titleDim,
    int titleWindow,
    int titleFilters,
    int towerDim) implements TowerShape {

  public static final int GENDERS = 2;
  public static final int AGES = 7;
  public static final int OCCUPATIONS = 21;
  public static final int GENRES = 18;

  public ModelShape {
    positive("userRows", userRows, 2);
    positive("movieRows", movieRows, 2);
    positive("titleVocabulary", titleVocabulary, 2);
    positive("titleLength", titleLength, 1);
    positive("idDim", idDim, 1);
    positive("demographicDim", demographicDim, 1);
    positive("genreDim", genreDim, 1);
    positive("titleDim", titleDim, 1);
    positive("titleFilters", titleFilters, 1);
    positive("towerDim", towerDim, 1);
    if (titleWindow != 3) {
      throw new IllegalArgumentException("titleWindow must be 3 (the centred window the model implements), got: "
          + titleWindow);
    }
  }

  /** The demo's layer widths for a data set of the given sizes. */
  public static ModelShape demo(int knownUsers, int knownMovies, int titleVocabulary, int titleLength) {
    return new ModelShape(knownUsers + 1, knownMovies + 1, titleVocabulary, titleLength, 32, 16, 32, 32, 3, 32, 200);
  }

  /** Width of the user tower's concatenated features: id FC + gender, age and occupation FCs. */
  public int userConcatDim() {
    return idDim + 3 * demographicDim;
  }

  /** Width of the movie tower's concatenated features: id FC + genre sum + pooled title CNN. */
  public int movieConcatDim() {
    return idDim + genreDim + titleFilters;
  }

  private static void positive(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got: " + value);
    }
  }
}
