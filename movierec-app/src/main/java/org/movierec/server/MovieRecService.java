package org.movierec.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.Rating;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.feedback.Feedback;
import org.movierec.feedback.FeedbackCursor;
import org.movierec.feedback.FeedbackStore;
import org.movierec.index.ItemFilter;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;
import org.movierec.model.ModelFiles;
import org.movierec.model.Vectors;
import org.movierec.recommend.RecommendRequest;
import org.movierec.recommend.Recommendation;
import org.movierec.recommend.VectorStore;
import org.movierec.server.ApiJson.BecauseJson;
import org.movierec.server.ApiJson.ForJson;
import org.movierec.server.ApiJson.HealthJson;
import org.movierec.server.ApiJson.ListedMovieJson;
import org.movierec.server.ApiJson.MovieJson;
import org.movierec.server.ApiJson.MoviesJson;
import org.movierec.server.ApiJson.PredictionJson;
import org.movierec.server.ApiJson.PredictionsJson;
import org.movierec.server.ApiJson.RecommendationJson;
import org.movierec.server.ApiJson.RecommendationsJson;
import org.movierec.server.ApiJson.ReloadJson;
import org.movierec.server.ApiJson.SimilarJson;
import org.movierec.server.ApiJson.SimilarMoviesJson;
import org.movierec.server.ApiJson.StoredRatingsJson;
import org.movierec.server.ApiJson.UserJson;
import org.movierec.server.ApiJson.UserRatingJson;

/**
 * What the server does, without HTTP: one trained model (swapped whole when a newer one is loaded), the feedback
 * store and its in-memory view. Inputs arrive parsed and validated for their form ({@link Params}); this class
 * checks them against what it knows (users, movies) and throws {@link ApiException} for what it cannot serve. Every
 * write is stored durably before it is seen by a request. Safe from many threads.
 */
final class MovieRecService implements AutoCloseable {
  /** The stars from which a rated movie counts as liked, for {@code because}. */
  static final int LIKED_STARS = 4;
  /**
   * At most this many liked movies are compared with each recommendation: the last of the profile's order (a known
   * user's ratings from the data by movie id, then those received, oldest first).
   */
  private static final int MAX_LIKED = 256;
  private static final int MAX_BECAUSE = 2;

  private final Path modelDir;
  private final VectorStore vectors;
  private final FeedbackStore store;
  private final LiveFeedback live = new LiveFeedback();
  private final AtomicReference<ServingModel> current = new AtomicReference<>();
  /** Held while what the store received is read into memory, so that it is applied in the store's order. */
  private final Object catchUpLock = new Object();
  private FeedbackCursor cursor = FeedbackCursor.START;
  /** Held while the model is swapped or a movie added, so that no added movie misses the new model. */
  private final Object swapLock = new Object();
  private final ServerMetrics metrics;

  MovieRecService(Path modelDir, VectorStore vectors, FeedbackStore store, ServerMetrics metrics) {
    this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Reads the feedback store, then loads the model and its index; until then requests are answered 503. */
  void load() {
    catchUp();
    reload();
  }

  /**
   * Reads what the store received since the last read (by this server or another sharing the store) into memory, in
   * the store's order; movies added get vectors in the model in use. Every write calls it once stored, before it
   * answers, so the writer's next request sees its write; the server also calls it every so often for the writes
   * of other servers.
   */
  void catchUp() {
    synchronized (catchUpLock) {
      Feedback news = store.readAfter(cursor);
      if (news.isEmpty()) {
        return;
      }
      if (news.movies().isEmpty()) {
        live.apply(news);
      } else {
        synchronized (swapLock) { // a model loaded meanwhile must not miss a movie
          live.apply(news);
          ServingModel m = current.get();
          if (m != null) {
            for (Movie movie : news.movies()) {
              m.addMovie(movie);
            }
          }
        }
      }
      cursor = news.cursor();
    }
  }

  boolean isReady() {
    return current.get() != null;
  }

  /**
   * Loads the model directory again; when it holds another model than the one served, switches to it once it is
   * loaded and indexed, and retires the old one (closed when its last request ends).
   *
   * @throws IllegalStateException when the new model cannot be used; the old one is still served
   */
  ReloadJson reload() {
    synchronized (swapLock) {
      ServingModel old = current.get();
      String fingerprint = ModelFiles.readManifest(modelDir).fingerprint();
      if (old != null && old.fingerprint().equals(fingerprint)) {
        return new ReloadJson(false, fingerprint, fingerprint);
      }
      ServingModel next = ServingModel.open(modelDir, vectors, live.movies());
      current.set(next);
      metrics.modelLoaded(next.fingerprint());
      if (old != null) {
        old.retire();
      }
      return new ReloadJson(true, next.fingerprint(), old == null ? null : old.fingerprint());
    }
  }

  /** The model's fingerprint in use, null before it is loaded. */
  String fingerprint() {
    ServingModel m = current.get();
    return m == null ? null : m.fingerprint();
  }

  HealthJson health() {
    ServingModel m = current.get();
    if (m == null) {
      return new HealthJson("loading", null, null, 0, 0);
    }
    return new HealthJson("ready", m.fingerprint(), m.saved().model().architecture().name().toLowerCase(Locale.ROOT),
        m.catalog().movies().size(), m.users().size() + live.users().size());
  }

  // ---- recommendations

  /**
   * For a user described by the request alone: demographics and the movies they rated. Demographics alone are one of
   * 294 users, whose answers the model keeps once computed.
   */
  RecommendationsJson recommend(User demographics, List<RatedMovie> ratings, int k, ItemFilter filter) {
    return withModel(m -> {
      checkMovies(m, ratings, "ratings");
      UserProfile profile = new UserProfile(demographics, ratings);
      ForJson who = new ForJson(null, demographics.gender().name(), demographics.age().label(),
          demographics.occupation().label(), ratings.size());
      if (ratings.isEmpty()) {
        return m.answer(new NewUserQuestion(demographics, k, filter),
            () -> recommendations(m, profile, who, k, filter));
      }
      return recommendations(m, profile, who, k, filter);
    });
  }

  /** What a new user described by demographics alone asks. */
  private record NewUserQuestion(User demographics, int k, ItemFilter filter) {}

  /**
   * For a known user (of the data or added through the API), with every rating the server received. The answer is
   * kept for the user's ratings received so far (a new rating, a new movie or another model asks anew).
   */
  RecommendationsJson recommendFor(int userId, int k, ItemFilter filter) {
    return withModel(m -> {
      User user = user(m, userId);
      Map<Integer, Rating> received = live.received(userId);
      return m.answer(new KnownUserQuestion(userId, received, k, filter), () -> {
        UserProfile profile = profile(m, user, LiveFeedback.asRatedMovies(received));
        ForJson who = new ForJson(userId, user.gender().name(), user.age().label(), user.occupation().label(),
            profile.ratings().size());
        return recommendations(m, profile, who, k, filter);
      });
    });
  }

  /** What a known user asks, with the ratings the server had received from them. */
  private record KnownUserQuestion(int userId, Map<Integer, Rating> received, int k, ItemFilter filter) {}

  private RecommendationsJson recommendations(ServingModel m, UserProfile profile, ForJson who, int k,
      ItemFilter filter) {
    List<Recommendation> found = m.recommender().recommend(new RecommendRequest(profile, k, filter));
    List<List<BecauseJson>> because = because(m, found, liked(profile));
    List<RecommendationJson> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Recommendation r = found.get(i);
      float stars = r.predictedStars();
      out.add(new RecommendationJson(r.rank(), MovieJson.of(r.movie()), r.score(), Float.isNaN(stars) ? null : stars,
          because.get(i)));
    }
    return new RecommendationsJson(who, m.fingerprint(), out);
  }

  /** The user's liked movies, the last {@value #MAX_LIKED} at most. */
  private static List<RatedMovie> liked(UserProfile profile) {
    List<RatedMovie> liked = new ArrayList<>();
    for (RatedMovie r : profile.ratings()) {
      if (r.stars() >= LIKED_STARS) {
        liked.add(r);
      }
    }
    return liked.size() <= MAX_LIKED ? liked : liked.subList(liked.size() - MAX_LIKED, liked.size());
  }

  /**
   * Up to two liked movies closest to each recommended movie (highest movie-vector cosine, above 0), closest first;
   * equal cosines by the smaller movie id.
   */
  private static List<List<BecauseJson>> because(ServingModel m, List<Recommendation> found, List<RatedMovie> liked) {
    List<List<BecauseJson>> out = new ArrayList<>(found.size());
    if (liked.isEmpty()) {
      found.forEach(r -> out.add(List.of()));
      return out;
    }
    int[] likedIds = new int[liked.size()];
    float[][] likedVectors = new float[liked.size()][];
    for (int i = 0; i < likedIds.length; i++) {
      likedIds[i] = liked.get(i).movieId();
      likedVectors[i] = m.unitVector(likedIds[i]);
    }
    float[][] recommended = new float[found.size()][];
    for (int r = 0; r < recommended.length; r++) {
      recommended[r] = m.unitVector(found.get(r).movie().id());
    }
    float[][] cosines = new float[recommended.length][likedIds.length];
    Vectors.dots(recommended, likedVectors, cosines);
    for (float[] sims : cosines) {
      int first = -1;
      int second = -1;
      for (int i = 0; i < sims.length; i++) {
        if (!(sims[i] > 0)) {
          continue;
        }
        if (first < 0 || closer(sims, likedIds, i, first)) {
          second = first;
          first = i;
        } else if (second < 0 || closer(sims, likedIds, i, second)) {
          second = i;
        }
      }
      List<BecauseJson> because = new ArrayList<>(MAX_BECAUSE);
      for (int i : new int[] {first, second}) {
        if (i >= 0) {
          because.add(new BecauseJson(likedIds[i], m.movieOrNull(likedIds[i]).title(), sims[i]));
        }
      }
      out.add(because);
    }
    return out;
  }

  private static boolean closer(float[] sims, int[] ids, int i, int than) {
    return sims[i] > sims[than] || (sims[i] == sims[than] && ids[i] < ids[than]);
  }

  // ---- users and their ratings

  UserJson addUser(Gender gender, AgeGroup age, Occupation occupation, String zip) {
    return withModel(m -> {
      int above = m.users().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      User stored = store.addUser(gender, age, occupation, zip, above);
      catchUp();
      metrics.userAdded();
      return UserJson.of(stored, "api", List.of());
    });
  }

  /** Stores the ratings durably, then makes them visible to the user's next request. */
  StoredRatingsJson addRatings(int userId, List<RatedMovie> ratings) {
    return withModel(m -> {
      User user = user(m, userId);
      checkMovies(m, ratings, "");
      long now = Instant.now().getEpochSecond();
      List<Rating> rows = new ArrayList<>(ratings.size());
      for (RatedMovie r : ratings) {
        rows.add(new Rating(user.id(), r.movieId(), r.stars(), now));
      }
      store.addRatings(rows);
      catchUp();
      metrics.ratingsStored(rows.size());
      return new StoredRatingsJson(userId, rows.size(), profile(m, user).ratings().size());
    });
  }

  UserJson userJson(int userId) {
    return withModel(m -> {
      User user = user(m, userId);
      boolean fromData = m.users().containsKey(userId);
      List<UserRatingJson> ratings = new ArrayList<>();
      Set<Integer> rerated = new HashSet<>();
      List<Rating> api = live.ratingsOf(userId);
      for (Rating r : api) {
        rerated.add(r.movieId());
      }
      if (fromData) {
        for (RatedMovie r : m.saved().seen().ratingsOf(userId)) {
          if (!rerated.contains(r.movieId())) {
            ratings.add(UserRatingJson.of(new Rating(userId, r.movieId(), r.stars(), Rating.NO_TIMESTAMP),
                title(m, r.movieId()), "data"));
          }
        }
      }
      for (Rating r : api) {
        ratings.add(UserRatingJson.of(r, title(m, r.movieId()), "api"));
      }
      return UserJson.of(user, live.user(userId) != null ? "api" : "data", ratings);
    });
  }

  /** The user, from the model's data or added through the API; 404 otherwise. */
  private User user(ServingModel m, int userId) {
    User u = m.users().get(userId);
    if (u == null) {
      u = live.user(userId);
    }
    if (u == null) {
      throw ApiException.notFound("id", "no user " + userId + ": the model's data has users 1.."
          + m.users().keySet().stream().mapToInt(Integer::intValue).max().orElse(0)
          + " and users added with POST /api/users get larger ids");
    }
    return u;
  }

  /**
   * What the model reads for the user: a user the model knows with their saved ratings and those received since; a
   * user added through the API (new to this model) by demographics and the ratings received.
   */
  private UserProfile profile(ServingModel m, User user) {
    return profile(m, user, live.ratedMoviesOf(user.id()));
  }

  private UserProfile profile(ServingModel m, User user, List<RatedMovie> received) {
    if (m.users().containsKey(user.id())) {
      return m.saved().profile(user).withRatings(received);
    }
    return new UserProfile(User.newUser(user.gender(), user.age(), user.occupation()), received);
  }

  // ---- movies

  ListedMovieJson movie(int movieId) {
    return withModel(m -> ListedMovieJson.of(movie(m, movieId, "id"), m.ratingCount(movieId)));
  }

  /**
   * Movies whose title holds every word of the query (as the start of a title word, case and accents aside), the
   * most rated first.
   */
  MoviesJson searchTitles(String query, int limit) {
    return withModel(m -> {
      List<String> words = TitleSearch.words(query);
      List<Movie> hits = new ArrayList<>();
      for (Movie movie : m.catalog().movies().values()) {
        if (TitleSearch.matches(m.titleWords(movie.id()), words)) {
          hits.add(movie);
        }
      }
      return listed(m, hits, limit);
    });
  }

  /** The movies most liked by users of these demographics (the segment-popularity baseline), to rate from. */
  MoviesJson popular(User demographics, int limit) {
    return withModel(m -> {
      int[] ids = m.saved().catalog().movies().keySet().stream().mapToInt(Integer::intValue).toArray();
      float[] scores = new float[ids.length];
      m.popularity().scores(demographics, ids, scores);
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < ids.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> ids[i]));
      List<ListedMovieJson> out = new ArrayList<>(limit);
      for (int i = 0; i < Math.min(limit, ids.length); i++) {
        Movie movie = m.movieOrNull(ids[order[i]]);
        out.add(ListedMovieJson.of(movie, m.ratingCount(movie.id())));
      }
      return new MoviesJson(out);
    });
  }

  private static MoviesJson listed(ServingModel m, List<Movie> movies, int limit) {
    List<Movie> sorted = new ArrayList<>(movies);
    sorted.sort(Comparator.<Movie>comparingInt(x -> -m.ratingCount(x.id())).thenComparingInt(Movie::id));
    List<ListedMovieJson> out = new ArrayList<>(Math.min(limit, sorted.size()));
    for (Movie movie : sorted.subList(0, Math.min(limit, sorted.size()))) {
      out.add(ListedMovieJson.of(movie, m.ratingCount(movie.id())));
    }
    return new MoviesJson(out);
  }

  /** The movies whose movie vectors are closest to this one's (cosine), itself left out. */
  SimilarMoviesJson similar(int movieId, int k) {
    return withModel(m -> {
      Movie movie = movie(m, movieId, "id");
      float[] v = m.unitVector(movieId);
      List<SimilarJson> out = new ArrayList<>(k);
      for (Neighbor n : m.similarity().search(new VectorQuery(v, k, ItemFilter.excluding(List.of(movieId))))) {
        out.add(new SimilarJson(MovieJson.of(m.movieOrNull(n.movieId())), n.score()));
      }
      return new SimilarMoviesJson(MovieJson.of(movie), out);
    });
  }

  /** Stores a movie the model never saw and puts it in the live index, searchable at once. */
  MovieJson addMovie(String title, Set<Genre> genres) {
    return withModel(m -> {
      int above = m.catalog().movies().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      Movie stored = store.addMovie(title, genres, above);
      catchUp();
      metrics.movieAdded();
      return MovieJson.of(stored);
    });
  }

  // ---- predictions

  /** Predicted stars of each (user, movie) pair, in the order asked. */
  PredictionsJson predict(List<int[]> pairs) {
    return withModel(m -> {
      if (!m.saved().model().predictsStars()) {
        throw new ApiException(409, null, "model " + m.fingerprint() + " was trained for ranking and predicts no"
            + " stars; train one with --objective mse", null);
      }
      Map<Integer, List<Integer>> byUser = new LinkedHashMap<>();
      for (int i = 0; i < pairs.size(); i++) {
        int[] p = pairs.get(i);
        user(m, p[0]);
        movie(m, p[1], "[" + i + "].movieId");
        byUser.computeIfAbsent(p[0], u -> new ArrayList<>()).add(i);
      }
      float[] stars = new float[pairs.size()];
      Map<Integer, UserProfile> profiles = new HashMap<>();
      byUser.forEach((userId, rows) -> {
        UserProfile profile = profiles.computeIfAbsent(userId, id -> profile(m, user(m, id)));
        Movie[] movies = rows.stream().map(i -> m.movieOrNull(pairs.get(i)[1])).toArray(Movie[]::new);
        float[] out = new float[movies.length];
        m.saved().model().predictStars(profile, movies, out);
        for (int j = 0; j < out.length; j++) {
          stars[rows.get(j)] = out[j];
        }
      });
      List<PredictionJson> out = new ArrayList<>(pairs.size());
      for (int i = 0; i < pairs.size(); i++) {
        out.add(new PredictionJson(pairs.get(i)[0], pairs.get(i)[1], stars[i]));
      }
      return new PredictionsJson(m.fingerprint(), out);
    });
  }

  // ---- helpers

  private static Movie movie(ServingModel m, int movieId, String field) {
    Movie movie = m.movieOrNull(movieId);
    if (movie == null) {
      throw ApiException.notFound(field, "no movie " + movieId + " in the catalog of " + m.catalog().movies().size()
          + " movies; find ids with GET /api/movies?q=title words");
    }
    return movie;
  }

  private static String title(ServingModel m, int movieId) {
    Movie movie = m.movieOrNull(movieId);
    return movie == null ? null : movie.title();
  }

  /** Every rated movie must be in the catalog: 400 naming the first that is not. */
  private static void checkMovies(ServingModel m, List<RatedMovie> ratings, String prefix) {
    for (int i = 0; i < ratings.size(); i++) {
      int id = ratings.get(i).movieId();
      if (m.movieOrNull(id) == null) {
        throw ApiException.badRequest(prefix + "[" + i + "].movieId", "no movie " + id + " in the catalog of "
            + m.catalog().movies().size() + " movies", "a movie id of the catalog (GET /api/movies?q=...)");
      }
    }
  }

  /** Runs with the model in use, held so that a swap closes it only after this request. */
  private <T> T withModel(Function<ServingModel, T> work) {
    while (true) {
      ServingModel m = current.get();
      if (m == null) {
        throw new ApiException(503, null, "the model is still loading; try again when GET /health says ready", null);
      }
      if (m.tryAcquire()) {
        try {
          return work.apply(m);
        } finally {
          m.release();
        }
      }
      // Retired between the read and the acquire: the next read finds its successor.
    }
  }

  @Override
  public void close() {
    synchronized (swapLock) {
      ServingModel m = current.getAndSet(null);
      if (m != null) {
        m.retire();
      }
    }
    store.close();
  }
}
