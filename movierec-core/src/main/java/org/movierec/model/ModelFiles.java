package org.movierec.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;

/**
 * Saves and loads a model directory: {@code manifest.json} plus one file per part, each named after its content's
 * hash. Saving writes the parts first and the manifest last, by atomic rename, so a crash mid-save leaves the previous
 * model whole; parts no manifest names are then deleted. Loading checks the format version and every part's SHA-256
 * and says which file is wrong and what to do.
 */
public final class ModelFiles {
  /**
   * The model-directory format this code writes and reads. Version 2: the manifest's shape names the architecture
   * ({@code demo} or {@code history}) and the saved ratings carry their stars. Version 3: the history model's weights
   * and shape include the fold-in factorization its star predictions are blended with.
   */
  public static final int FORMAT_VERSION = 3;

  public static final String MANIFEST = "manifest.json";

  static final String WEIGHTS = "weights";
  static final String FEATURES = "features";
  static final String CATALOG = "catalog";
  static final String SEEN = "seen";
  private static final Set<String> PARTS = Set.of(WEIGHTS, FEATURES, CATALOG, SEEN);

  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ModelFiles() {}

  /**
   * Writes the model into {@code dir} (created if needed), replacing any model there. The manifest's file names,
   * hashes and fingerprint are filled in here; those of {@code model.manifest()} are ignored.
   *
   * @return the manifest as written
   */
  public static ModelManifest save(Path dir, SavedModel model) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(WEIGHTS, WeightsFormat.write(tensors(model.model())));
    parts.put(FEATURES, ModelJson.features(model.model()));
    parts.put(CATALOG, ModelJson.catalog(model.catalog()));
    parts.put(SEEN, seenBytes(model.seen()));
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      String hash = AtomicFiles.sha256(part.getValue());
      String name = part.getKey() + "-" + hash.substring(0, 16) + (part.getKey().equals(WEIGHTS)
          || part.getKey().equals(SEEN) ? ".bin" : ".json");
      files.put(part.getKey(), name);
      hashes.put(name, hash);
      Path target = dir.resolve(name);
      if (!Files.isRegularFile(target) || !AtomicFiles.sha256(target).equals(hash)) {
        AtomicFiles.write(target, out -> out.write(part.getValue()));
      }
    }
    String fingerprint = fingerprint(hashes.get(files.get(WEIGHTS)), hashes.get(files.get(FEATURES)));
    ModelManifest m = model.manifest();
    ModelManifest written = new ModelManifest(FORMAT_VERSION, fingerprint, m.createdAt(), shape(model.model()),
        m.training(), m.dataChecksum(), m.trainRatings(), m.testRatings(), m.testRmse(), m.history(), files, hashes);
    AtomicFiles.write(dir.resolve(MANIFEST), out -> JSON.writeValue(out, written));
    deleteUnreferenced(dir, files);
    return written;
  }

  /**
   * Identifies a model by its weights and features: equal models have equal fingerprints, and an index built from one
   * model is refused by any other. 16 hex digits.
   */
  public static String fingerprint(TwoTowerModel model) {
    return fingerprint(AtomicFiles.sha256(WeightsFormat.write(tensors(model))),
        AtomicFiles.sha256(ModelJson.features(model)));
  }

  /** The layer sizes of a model of either architecture. */
  public static TowerShape shape(TwoTowerModel model) {
    return switch (model) {
      case FusionModel f -> f.shape();
      case HistoryModel h -> h.shape();
      default -> throw new IllegalArgumentException("cannot save a " + model.getClass().getSimpleName());
    };
  }

  private static List<Tensor> tensors(TwoTowerModel model) {
    return switch (model) {
      case FusionModel f -> f.weights().all();
      case HistoryModel h -> h.weights().all();
      default -> throw new IllegalArgumentException("cannot save a " + model.getClass().getSimpleName());
    };
  }

  private static String fingerprint(String weightsHash, String featuresHash) {
    return AtomicFiles.sha256((weightsHash + featuresHash).getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
  }

  /** Reads the manifest only (cheap): for {@code info}, and to check an index against its model. */
  public static ModelManifest readManifest(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no model directory at " + dir + "; " + trainHint(dir));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no model in " + dir + " (" + MANIFEST + " is missing); " + trainHint(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    ModelManifest manifest;
    try {
      JsonNode tree = JSON.readTree(bytes);
      int version = tree == null ? -1 : tree.path("formatVersion").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw new IllegalStateException("the model in " + dir + " has format version " + version
            + ", this MovieRec reads version " + FORMAT_VERSION + "; " + trainHint(dir));
      }
      manifest = JSON.treeToValue(tree, ModelManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " is corrupt (" + firstLine(e) + "); " + trainHint(dir));
    }
    if (!manifest.files().keySet().equals(PARTS)) {
      throw new IllegalStateException(file + " is corrupt (it names the parts " + manifest.files().keySet()
          + ", expected " + PARTS + "); " + trainHint(dir));
    }
    return manifest;
  }

  /**
   * Loads a whole model, checking every part against the manifest. The parts' SHA-256 are computed on a second thread
   * while this one decodes them ({@link ModelParts}); a decoding problem is reported only once every part is known to
   * be intact, and the seen movies are decoded only after their check (a corrupt count could ask for gigabytes).
   */
  public static SavedModel load(Path dir) {
    ModelManifest manifest = readManifest(dir);
    ModelParts parts = ModelParts.read(dir, manifest);
    SavedModel loaded;
    try {
      ModelJson.FeaturesJson f = readFeatures(parts.bytes(FEATURES));
      List<Tensor> tensors = WeightsFormat.read(parts.bytes(WEIGHTS));
      TwoTowerModel model = switch (manifest.shape()) {
        case ModelShape demo -> new FusionModel(demo, ModelJson.features(f), FusionWeights.of(demo, tensors),
            ModelJson.objective(f));
        case HistoryShape history -> new HistoryModel(history, ModelJson.features(f),
            Weights.of(HistoryWeights.layout(history), tensors));
      };
      Catalog c = readCatalogFast(parts.bytes(CATALOG));
      parts.requireIntact(SEEN);
      SeenMovies s = SeenMovies.read(new DataInputStream(new ByteInput(parts.bytes(SEEN))));
      loaded = new SavedModel(manifest, model, c, s);
    } catch (IOException | RuntimeException e) {
      parts.requireAllIntact(); // a corrupt part is named rather than what decoding it did
      throw new IllegalStateException("the model in " + dir + " does not fit together (" + firstLine(e) + "); "
          + trainHint(dir));
    }
    parts.requireAllIntact();
    return loaded;
  }

  /** {@link ModelJson#readFeatures}, streamed when the part has the layout {@link ModelJson} writes. */
  private static ModelJson.FeaturesJson readFeatures(byte[] json) throws IOException {
    ModelJson.FeaturesJson f = null;
    try {
      f = ModelJsonStream.features(json);
    } catch (IOException e) {
      // not well-formed: binding says so in its own words
    }
    return f != null ? f : ModelJson.readFeatures(json);
  }

  /** {@link #readCatalog}, streamed when the part has the layout {@link ModelJson} writes. */
  private static Catalog readCatalogFast(byte[] json) throws IOException {
    Catalog c = null;
    try {
      c = ModelJsonStream.catalog(json);
    } catch (IOException e) {
      // not well-formed: binding says so in its own words
    }
    return c != null ? c : readCatalog(json);
  }

  /**
   * {@link ModelJson#readCatalog}, with each genre label parsed once: {@code Genre.parse} normalises all 18 labels
   * with a regular expression on every call, which took 70 of the 110 ms the catalog took to read in a fresh JVM.
   */
  static Catalog readCatalog(byte[] json) throws IOException {
    ModelJson.CatalogJson c = JSON.readValue(json, ModelJson.CatalogJson.class);
    Map<String, Genre> genreOf = new HashMap<>();
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    for (ModelJson.MovieJson m : c.movies()) {
      Set<Genre> genres = new HashSet<>();
      for (String label : m.genres()) {
        genres.add(genreOf.computeIfAbsent(label, Genre::parse));
      }
      movies.put(m.id(), new Movie(m.id(), m.title(), m.year(), genres));
    }
    Map<Integer, User> users = new LinkedHashMap<>();
    for (ModelJson.UserJson u : c.users()) {
      users.put(u.id(), new User(u.id(), Gender.parse(u.gender()), AgeGroup.ofYears(u.age()),
          Occupation.ofCode(u.occupation()), u.zip()));
    }
    return new Catalog(movies, users);
  }

  /** A byte array as a stream, without {@link java.io.ByteArrayInputStream}'s lock on every byte. */
  private static final class ByteInput extends InputStream {
    private final byte[] bytes;
    private int at;

    ByteInput(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(len, bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }

  private static byte[] seenBytes(SeenMovies seen) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      seen.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void deleteUnreferenced(Path dir, Map<String, String> files) {
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "{weights,features,catalog,seen}-*.{bin,json}")) {
      for (Path p : all) {
        if (!files.containsValue(p.getFileName().toString())) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("saved the model in " + dir + " but could not remove old files: "
          + e.getMessage(), e);
    }
  }

  static String trainHint(Path dir) {
    return "train one with: movierec train --data DATA_DIR --model " + dir;
  }

  private static String firstLine(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    m = m == null ? e.getClass().getSimpleName() : m;
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
