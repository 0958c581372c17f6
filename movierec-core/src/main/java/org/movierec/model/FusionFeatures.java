package org.movierec.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.movierec.data.IdIndex;
import org.movierec.data.Movie;
import org.movierec.data.User;
import org.movierec.data.Vocabulary;

/**
 * How users and movies become the model's integer inputs: id rows (0 = unknown), title-word indexes. The trainer and
 * the forward pass both read inputs through this one class, so they cannot disagree.
 *
 * @param users the users that have an id row of their own (those seen in training)
 * @param movies the movies that have an id row of their own (those seen in training)
 * @param titleWords the title-word vocabulary (sorted; 0 = padding, 1 = unknown word)
 * @param titleLength how many title words the model reads
 */
public record FusionFeatures(IdIndex users, IdIndex movies, Vocabulary titleWords, int titleLength) {
  /** Titles in MovieLens 1M have at most 15 words; anything longer is cut here. */
  public static final int MAX_TITLE_LENGTH = 16;

  public FusionFeatures {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(movies, "movies");
    Objects.requireNonNull(titleWords, "titleWords");
    if (titleLength < 1 || titleLength > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException("titleLength must be 1.." + MAX_TITLE_LENGTH + ", got: " + titleLength);
    }
  }

  /**
   * Features for a training run: id rows for the users and movies that have training ratings, title words of those
   * movies, and a title length that fits every title of the catalog (up to {@link #MAX_TITLE_LENGTH}).
   */
  public static FusionFeatures forTraining(int[] trainUserIds, int[] trainMovieIds, Collection<Movie> trainedMovies,
      Collection<Movie> catalog) {
    TreeSet<String> words = new TreeSet<>();
    trainedMovies.forEach(m -> words.addAll(m.titleWords()));
    int longest = catalog.stream().mapToInt(m -> m.titleWords().size()).max().orElse(1);
    return new FusionFeatures(IdIndex.of(trainUserIds), IdIndex.of(trainMovieIds), Vocabulary.of(words),
        Math.max(1, Math.min(MAX_TITLE_LENGTH, longest)));
  }

  /** The demo-sized shape for these features. */
  public ModelShape demoShape() {
    return ModelShape.demo(users.size(), movies.size(), titleWords.size(), titleLength);
  }

  /** Id row of a user: 0 for a new user or one the model never trained on. */
  public int userRow(User user) {
    return user.isNew() ? 0 : users.row(user.id());
  }

  public int movieRow(Movie movie) {
    return movies.row(movie.id());
  }

  /**
   * The title's word indexes, {@link #titleLength()} long, padded with 0. A title without words reads as one unknown
   * word, so that every title has at least one position.
   */
  public int[] titleIndices(Movie movie) {
    int[] out = new int[titleLength];
    List<String> words = movie.titleWords();
    if (words.isEmpty()) {
      out[0] = Vocabulary.UNKNOWN;
      return out;
    }
    for (int i = 0; i < Math.min(titleLength, words.size()); i++) {
      out[i] = titleWords.index(words.get(i));
    }
    return out;
  }

  /** How many positions of {@link #titleIndices} hold a word (at least 1). */
  public int titleWordCount(Movie movie) {
    return Math.max(1, Math.min(titleLength, movie.titleWords().size()));
  }

  /** A multi-hot vector of the movie's genres, in {@link org.movierec.data.Genre} order. */
  public static float[] genreMultiHot(Movie movie) {
    float[] out = new float[ModelShape.GENRES];
    movie.genres().forEach(g -> out[g.ordinal()] = 1f);
    return out;
  }

  @Override
  public String toString() {
    return "FusionFeatures[users=" + users.size() + ", movies=" + movies.size() + ", words=" + titleWords.size()
        + ", titleLength=" + titleLength + "]";
  }

}
