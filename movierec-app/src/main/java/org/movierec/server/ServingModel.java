package org.movierec.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.index.AppendedIndex;
import org.movierec.index.ExactIndex;
import org.movierec.index.GrowableIndex;
import org.movierec.index.IndexedMovie;
import org.movierec.index.VectorIndex;
import org.movierec.model.Catalog;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.model.Vectors;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.VectorStore;
import org.movierec.recommend.SegmentPopularityRecommender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trained model as the server serves it: the saved model, its vector index opened read-only, the movies added
 * through the API (vectors from this model's movie tower, searched beside the index), each movie's unit movie vector
 * (which movies are alike) and the segment popularity the page offers movies to rate from.
 *
 * <p>Requests {@link #acquire} it and {@link #release} it when done, so that a model swapped out is closed only once
 * the last request using it has finished (Lucene's reference counting). Safe from many threads.
 */
final class ServingModel {
  private static final Logger LOG = LoggerFactory.getLogger(ServingModel.class);
  private final SavedModel saved;
  private final VectorIndex base;
  private final Map<Integer, float[]> unitVectors = new HashMap<>();
  /** Each movie's title words as {@link TitleSearch} reads them, computed once. */
  private final Map<Integer, List<String>> titleWords = new ConcurrentHashMap<>();
  private final SegmentPopularityRecommender popularity;
  private final Map<Integer, Integer> ratingCounts;
  /** Starts at 1: the server's own reference, dropped by {@link #retire}. */
  private final AtomicInteger references = new AtomicInteger(1);
  private volatile View view;

  /** What changes when a movie is added, swapped as one. */
  private record View(Catalog catalog, AppendedIndex index, AppendedIndex similarity,
      EmbeddingRecommender recommender, Map<Object, Object> answers) {
    View(Catalog catalog, AppendedIndex index, AppendedIndex similarity, EmbeddingRecommender recommender) {
      this(catalog, index, similarity, recommender, new ConcurrentHashMap<>());
    }
  }

  /** The most answers {@link #answer} keeps for one view of the catalog. */
  static final int MAX_ANSWERS = 10_000;

  private ServingModel(SavedModel saved, VectorIndex base) {
    this.saved = saved;
    this.base = base;
    for (Movie m : saved.catalog().movies().values()) {
      unitVectors.put(m.id(), Vectors.normalize(saved.model().movieVector(m)));
      titleWords.put(m.id(), TitleSearch.words(m.title()));
    }
    Ratings seen = ratings(saved.seen());
    this.popularity = SegmentPopularityRecommender.fit(seen, saved.catalog().users());
    this.ratingCounts = counts(seen);
    AppendedIndex index = AppendedIndex.of(base);
    List<IndexedMovie> units = new ArrayList<>(unitVectors.size());
    for (Movie m : saved.catalog().movies().values()) {
      units.add(new IndexedMovie(m.id(), unitVectors.get(m.id()), m.genres(), m.year()));
    }
    AppendedIndex similarity = AppendedIndex.of(ExactIndex.of(units, saved.fingerprint()));
    this.view = new View(saved.catalog(), index, similarity, recommender(saved.catalog(), index));
  }

  /**
   * Loads the model of {@code dir} and opens its vectors in {@code vectors} (building them first when they are
   * missing or of another model); the movies added through the API that this model does not know get vectors from
   * its movie tower (and go into the store too when it grows, {@link GrowableIndex}).
   *
   * @throws IllegalStateException when the model or its index cannot be used (the message says how to rebuild)
   */
  static ServingModel open(Path dir, VectorStore vectors, Collection<Movie> addedMovies) {
    SavedModel saved = ModelFiles.load(dir);
    VectorIndex index;
    try {
      index = vectors.open(dir, saved);
    } catch (IllegalStateException stale) {
      // A model just trained into the directory has no index of its own yet: build it, beside the one in use.
      LOG.info("indexing model {} into {} ({})", saved.fingerprint(), vectors.describe(dir), stale.getMessage());
      vectors.build(dir, saved, VectorStore.Progress.NONE);
      index = vectors.open(dir, saved);
    }
    try {
      ServingModel model = new ServingModel(saved, index);
      for (Movie m : addedMovies) {
        if (!saved.catalog().movies().containsKey(m.id())) {
          model.addMovie(m);
        }
      }
      return model;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  SavedModel saved() {
    return saved;
  }

  String fingerprint() {
    return saved.fingerprint();
  }

  /** The model's catalog and the movies added to it. */
  Catalog catalog() {
    return view.catalog();
  }

  EmbeddingRecommender recommender() {
    return view.recommender();
  }

  /** The unit movie vectors, searched exactly: which movies are alike (cosine). */
  VectorIndex similarity() {
    return view.similarity();
  }

  /** The movie, or null when neither the model nor the API knows it. */
  Movie movieOrNull(int id) {
    return view.catalog().movies().get(id);
  }

  /** The movie's unit movie vector (the movie tower's output, normalized). */
  float[] unitVector(int movieId) {
    float[] v = unitVectors.get(movieId);
    if (v == null) {
      synchronized (unitVectors) {
        v = unitVectors.get(movieId);
      }
    }
    if (v == null) {
      throw new IllegalArgumentException("movie " + movieId + " is not in the catalog of model " + fingerprint());
    }
    return v;
  }

  /** The movie's title words as {@link TitleSearch} reads them. */
  List<String> titleWords(int movieId) {
    return titleWords.get(movieId);
  }

  /** How many ratings the model's data holds for the movie (its popularity; 0 for an added movie). */
  int ratingCount(int movieId) {
    return ratingCounts.getOrDefault(movieId, 0);
  }

  SegmentPopularityRecommender popularity() {
    return popularity;
  }

  /**
   * The answer to a request that depends on nothing but its key and this model's catalog (a new user described by
   * demographics alone, 294 of them; a known user with the ratings received from them so far; times k and filters),
   * computed once per catalog: adding a movie starts afresh. At most {@link #MAX_ANSWERS} are kept: the one that
   * would exceed them starts the kept answers afresh (a cheap bound: what is asked again is soon kept again).
   */
  @SuppressWarnings("unchecked")
  <T> T answer(Object key, Supplier<T> compute) {
    Map<Object, Object> answers = view.answers();
    Object known = answers.get(key);
    if (known != null) {
      return (T) known;
    }
    T computed = compute.get();
    if (answers.size() >= MAX_ANSWERS) {
      answers.clear();
    }
    answers.putIfAbsent(key, computed);
    return computed;
  }

  /** Adds a movie the model never saw: its vectors from the movie tower's content features, at once searchable. */
  synchronized void addMovie(Movie movie) {
    Objects.requireNonNull(movie, "movie");
    View v = view;
    if (v.catalog().movies().containsKey(movie.id())) {
      return;
    }
    float[] indexVector = saved.model().indexVector(movie);
    float[] unit = Vectors.normalize(saved.model().movieVector(movie));
    synchronized (unitVectors) {
      unitVectors.put(movie.id(), unit);
    }
    titleWords.put(movie.id(), TitleSearch.words(movie.title()));
    Map<Integer, Movie> movies = new LinkedHashMap<>(v.catalog().movies());
    movies.put(movie.id(), movie);
    Catalog catalog = new Catalog(movies, v.catalog().users());
    IndexedMovie indexed = new IndexedMovie(movie.id(), indexVector, movie.genres(), movie.year());
    if (base instanceof GrowableIndex store) {
      store.add(indexed, movie.title()); // first: when the store fails, nothing changed here
    }
    AppendedIndex index = v.index().with(indexed);
    AppendedIndex similarity = v.similarity().with(new IndexedMovie(movie.id(), unit, movie.genres(), movie.year()));
    view = new View(catalog, index, similarity, recommender(catalog, index));
  }

  /** Takes a reference for one request; false when this model was retired and closed meanwhile. */
  boolean tryAcquire() {
    while (true) {
      int n = references.get();
      if (n <= 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Gives back a reference from {@link #tryAcquire}; the last one closes the index. */
  void release() {
    if (references.decrementAndGet() == 0) {
      base.close();
    }
  }

  /** The server no longer serves this model: closed as soon as no request uses it. */
  void retire() {
    release();
  }

  private EmbeddingRecommender recommender(Catalog catalog, AppendedIndex index) {
    return new EmbeddingRecommender(saved.model(), catalog, saved.seen(), index);
  }

  /** The model's saved ratings as a table (no timestamps), for popularity counts. */
  private static Ratings ratings(SeenMovies seen) {
    Ratings.Builder b = new Ratings.Builder(seen.pairs());
    for (int user : seen.userIds()) {
      for (RatedMovie r : seen.ratingsOf(user)) {
        b.add(user, r.movieId(), r.stars(), Rating.NO_TIMESTAMP);
      }
    }
    return b.build();
  }

  private static Map<Integer, Integer> counts(Ratings ratings) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < ratings.size(); i++) {
      counts.merge(ratings.movieId(i), 1, Integer::sum);
    }
    return counts;
  }

  /** Every user the model knows. */
  Map<Integer, User> users() {
    return saved.catalog().users();
  }
}
