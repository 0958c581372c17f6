package org.movierec.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.VectorIndex;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.recommend.EmbeddingRecommender;
import org.movierec.recommend.ModelIndex;
import org.movierec.recommend.Recommendation;
import org.movierec.recommend.RecommendRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-process top-10 latency: user tower + vector search + catalog look-up + predicted stars, on a trained model
 * directory given by the system property {@code movierec.bench.model} (benchmarks/run.sh trains one). Known users
 * cycle through every user of the catalog, each read from the ratings saved with the model (the history model's user
 * tower pools them), so their rated movies (excluded from the search) vary as they do in use.
 *
 * <p>The history model keeps the user tower's outputs of a known user's saved ratings and of a rating-less segment
 * ({@code HistoryModel.read}), so after the first round {@link #top10KnownUser} and {@link #top10NewUser} measure the
 * search and the stars. {@link #top10KnownUserOneMoreRating} measures everything: each call is a known user with one
 * more rating, alternating between two such ratings so that the user's last vectors never fit (as when feedback
 * arrives); {@link #top10NewUserThreeRatings} a new user who rated three movies, never kept.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecommendBenchmark {
  @Param({"lucene", "exact"})
  public String backend;

  private VectorIndex index;
  private EmbeddingRecommender recommender;
  private UserProfile[] knownUsers;
  private UserProfile[][] knownUsersOneMore;
  private UserProfile newUserRated;
  private int next;
  private int nextMore;
  private final User newUser = User.newUser(Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT);

  @Setup(Level.Trial)
  public void open() {
    Path dir = Path.of(System.getProperty("movierec.bench.model", "target/bench-model"));
    SavedModel model = ModelFiles.load(dir);
    index = backend.equals("lucene") ? ModelIndex.open(dir, model) : ModelIndex.exact(model);
    recommender = new EmbeddingRecommender(model.model(), model.catalog(), model.seen(), index);
    knownUsers = model.catalog().users().values().stream().map(model::profile).toArray(UserProfile[]::new);
    int[] movieIds = model.catalog().movies().keySet().stream().mapToInt(Integer::intValue).toArray();
    java.util.Random random = new java.util.Random(42);
    knownUsersOneMore = new UserProfile[2][knownUsers.length];
    for (int i = 0; i < knownUsers.length; i++) {
      for (UserProfile[] variant : knownUsersOneMore) {
        RatedMovie more;
        do {
          more = new RatedMovie(movieIds[random.nextInt(movieIds.length)], 1 + random.nextInt(5));
        } while (model.seen().has(knownUsers[i].user().id(), more.movieId()));
        variant[i] = knownUsers[i].withRatings(List.of(more));
      }
    }
    newUserRated = new UserProfile(User.newUser(Gender.F, AgeGroup.values()[2], Occupation.ofCode(12)),
        List.of(new RatedMovie(1193, 5), new RatedMovie(2355, 4), new RatedMovie(1, 3)));
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  @Benchmark
  public List<Recommendation> top10NewUser() {
    return recommender.recommend(RecommendRequest.of(newUser, 10));
  }

  @Benchmark
  public List<Recommendation> top10KnownUser() {
    UserProfile u = knownUsers[next++ % knownUsers.length];
    return recommender.recommend(RecommendRequest.of(u, 10));
  }

  @Benchmark
  public List<Recommendation> top10KnownUserOneMoreRating() {
    int i = nextMore++;
    UserProfile u = knownUsersOneMore[(i / knownUsers.length) % 2][i % knownUsers.length];
    return recommender.recommend(RecommendRequest.of(u, 10));
  }

  @Benchmark
  public List<Recommendation> top10NewUserThreeRatings() {
    return recommender.recommend(RecommendRequest.of(newUserRated, 10));
  }
}
