package org.movierec.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
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
 * In-process top-10 latency: user tower + vector search + catalog look-up, on a trained model directory given by the
 * system property {@code movierec.bench.model} (benchmarks/run.sh trains one). Known users cycle through every user of
 * the catalog, each read from the ratings saved with the model (the history model's user tower pools them), so their
 * rated movies (excluded from the search) vary as they do in use.
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
  private int next;
  private final User newUser = User.newUser(Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT);

  @Setup(Level.Trial)
  public void open() {
    Path dir = Path.of(System.getProperty("movierec.bench.model", "target/bench-model"));
    SavedModel model = ModelFiles.load(dir);
    index = backend.equals("lucene") ? ModelIndex.open(dir, model) : ModelIndex.exact(model);
    recommender = new EmbeddingRecommender(model.model(), model.catalog(), model.seen(), index);
    knownUsers = model.catalog().users().values().stream().map(model::profile).toArray(UserProfile[]::new);
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  @Benchmark
  public java.util.List<Recommendation> top10NewUser() {
    return recommender.recommend(RecommendRequest.of(newUser, 10));
  }

  @Benchmark
  public java.util.List<Recommendation> top10KnownUser() {
    UserProfile u = knownUsers[next++ % knownUsers.length];
    return recommender.recommend(RecommendRequest.of(u, 10));
  }
}
