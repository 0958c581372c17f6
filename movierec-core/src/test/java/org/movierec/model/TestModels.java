package org.movierec.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.IdIndex;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.Vocabulary;

/** Small seeded models and catalogs for tests, built without any training runtime. */
public final class TestModels {
  private TestModels() {}

  /** Twelve movies with real-looking titles and genres. */
  public static Map<Integer, Movie> movies() {
    String[][] rows = {
      {"1", "Toy Story (1995)", "Animation|Children's|Comedy"},
      {"2", "Jumanji (1995)", "Adventure|Children's|Fantasy"},
      {"3", "Grumpier Old Men (1995)", "Comedy|Romance"},
      {"5", "Heat (1995)", "Action|Crime|Thriller"},
      {"7", "Sabrina (1995)", "Comedy|Romance"},
      {"10", "GoldenEye (1995)", "Action|Adventure|Thriller"},
      {"11", "American President, The (1995)", "Comedy|Drama|Romance"},
      {"17", "Sense and Sensibility (1995)", "Drama|Romance"},
      {"19", "Ace Ventura: When Nature Calls (1995)", "Comedy"},
      {"21", "Get Shorty (1995)", "Action|Comedy|Drama"},
      {"32", "Twelve Monkeys (1995)", "Drama|Sci-Fi"},
      {"260", "Star Wars: Episode IV - A New Hope (1977)", "Action|Adventure|Fantasy|Sci-Fi"},
    };
    Map<Integer, Movie> out = new LinkedHashMap<>();
    for (String[] r : rows) {
      Set<Genre> genres = new java.util.HashSet<>();
      for (String g : r[2].split("\\|")) {
        genres.add(Genre.parse(g));
      }
      out.put(Integer.parseInt(r[0]), Movie.of(Integer.parseInt(r[0]), r[1], genres));
    }
    return out;
  }

  /** Eight users covering both genders and several ages and occupations. */
  public static Map<Integer, User> users() {
    Map<Integer, User> out = new LinkedHashMap<>();
    for (int id = 1; id <= 8; id++) {
      out.put(id, new User(id, id % 2 == 0 ? Gender.M : Gender.F, AgeGroup.values()[id % 7],
          Occupation.ofCode((id * 3) % 21), "0000" + id));
    }
    return out;
  }

  /** Features for {@link #movies()} and {@link #users()}, all of them known. */
  public static FusionFeatures features() {
    List<String> words = new ArrayList<>();
    movies().values().forEach(m -> words.addAll(m.titleWords()));
    return new FusionFeatures(IdIndex.of(users().keySet().stream().mapToInt(Integer::intValue).toArray()),
        IdIndex.of(movies().keySet().stream().mapToInt(Integer::intValue).toArray()), Vocabulary.of(words), 8);
  }

  /** A model with seeded random weights (demo widths). */
  public static FusionModel randomModel(long seed) {
    ModelShape shape = features().demoShape();
    return new FusionModel(shape, features(), FusionWeights.of(shape, randomTensors(FusionWeights.layout(shape), seed)));
  }

  /** A small history model with seeded random weights. */
  public static HistoryModel randomHistoryModel(long seed) {
    return randomHistoryModel(features(), seed);
  }

  /** A small history model with seeded random weights over the given features. */
  public static HistoryModel randomHistoryModel(FusionFeatures f, long seed) {
    HistoryShape shape = new HistoryShape(f.movies().rows(), f.titleWords().size(), f.titleLength(), 6, 3, 4, 5, 4, 7,
        5, 0f, 3, 0.05f, 0.01f, 0.3f);
    return new HistoryModel(shape, f, Weights.of(HistoryWeights.layout(shape),
        randomTensors(HistoryWeights.layout(shape), seed)));
  }

  private static List<Tensor> randomTensors(Map<String, int[]> layout, long seed) {
    Random random = new Random(seed);
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, int[]> e : layout.entrySet()) {
      int n = 1;
      for (int d : e.getValue()) {
        n *= d;
      }
      float[] data = new float[n];
      for (int i = 0; i < n; i++) {
        data[i] = (float) (random.nextGaussian() * 0.3);
      }
      tensors.add(new Tensor(e.getKey(), e.getValue(), data));
    }
    return tensors;
  }

  /** A few ratings over the catalog: user u rated the movies at positions u, u+1, u+2 of {@link #movies()}. */
  public static Ratings ratings() {
    List<Integer> ids = List.copyOf(movies().keySet());
    Ratings.Builder b = new Ratings.Builder(32);
    for (int u = 1; u <= 8; u++) {
      for (int k = 0; k < 3; k++) {
        b.add(u, ids.get((u + k) % ids.size()), 1 + (u + k) % 5, -1);
      }
    }
    return b.build();
  }

  /** A saved-model value around {@link #randomModel}. */
  public static SavedModel savedModel(long seed) {
    return savedModel(randomModel(seed), seed);
  }

  /** A saved-model value around a model. */
  public static SavedModel savedModel(TwoTowerModel model, long seed) {
    ModelManifest manifest = new ModelManifest(ModelFiles.FORMAT_VERSION, ModelFiles.fingerprint(model),
        "2026-01-01T00:00:00Z", ModelFiles.shape(model),
        Map.of("epochs", 1, "seed", (int) seed), "abc123", 24, 0, null,
        List.of(new EpochStats(1, 1.25, Double.NaN, 0.5)), null, null);
    return new SavedModel(manifest, model, new Catalog(movies(), users()), SeenMovies.of(ratings()));
  }
}
