package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Movie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

class ModelFilesTest {
  @TempDir Path dir;

  @Test
  void a_saved_model_loads_back_with_identical_vectors() {
    SavedModel original = TestModels.savedModel(11);
    ModelManifest written = ModelFiles.save(dir, original);
    SavedModel loaded = ModelFiles.load(dir);

    FusionModel before = (FusionModel) original.model();
    FusionModel after = (FusionModel) loaded.model();
    assertThat(after.weights()).isEqualTo(before.weights());
    assertThat(after.features()).isEqualTo(before.features());
    for (User u : TestModels.users().values()) {
      assertThat(after.userVector(u)).containsExactly(before.userVector(u));
    }
    for (Movie m : TestModels.movies().values()) {
      assertThat(after.movieVector(m)).containsExactly(before.movieVector(m));
    }
    assertThat(loaded.catalog()).isEqualTo(original.catalog());
    assertThat(loaded.seen()).isEqualTo(original.seen());
    assertThat(loaded.manifest()).isEqualTo(written);
    assertThat(written.fingerprint()).hasSize(16).isEqualTo(ModelFiles.fingerprint(original.model()));
    assertThat(written.history().get(0).testRmse()).isNaN();
  }

  @Test
  void a_saved_history_model_loads_back_with_identical_vectors_stars_and_user_ratings() throws IOException {
    SavedModel original = TestModels.savedModel(TestModels.randomHistoryModel(4), 4);
    ModelManifest written = ModelFiles.save(dir, original);
    SavedModel loaded = ModelFiles.load(dir);

    assertThat(loaded.model()).isInstanceOf(HistoryModel.class);
    assertThat(((HistoryModel) loaded.model()).weights()).isEqualTo(((HistoryModel) original.model()).weights());
    assertThat(written.shape()).isInstanceOf(HistoryShape.class).isEqualTo(loaded.manifest().shape());
    Movie[] movies = TestModels.movies().values().toArray(Movie[]::new);
    for (User u : TestModels.users().values()) {
      UserProfile profile = loaded.profile(u);
      assertThat(profile.ratings()).isEqualTo(original.seen().ratingsOf(u.id())).hasSize(3);
      assertThat(loaded.model().queryVector(profile)).containsExactly(original.model().queryVector(profile));
      float[] before = new float[movies.length];
      float[] after = new float[movies.length];
      original.model().predictStars(profile, movies, before);
      loaded.model().predictStars(profile, movies, after);
      assertThat(after).containsExactly(before);
    }
    for (Movie m : movies) {
      assertThat(loaded.model().indexVector(m)).containsExactly(original.model().indexVector(m));
    }
    assertThat(Files.readString(dir.resolve(ModelFiles.MANIFEST))).contains("\"architecture\" : \"history\"");
  }

  @Test
  void the_fingerprint_changes_with_the_weights_and_only_with_them() {
    String a = ModelFiles.save(dir.resolve("a"), TestModels.savedModel(1)).fingerprint();
    String again = ModelFiles.save(dir.resolve("b"), TestModels.savedModel(1)).fingerprint();
    String other = ModelFiles.save(dir.resolve("c"), TestModels.savedModel(2)).fingerprint();
    assertThat(again).isEqualTo(a);
    assertThat(other).isNotEqualTo(a);
  }

  @Test
  void saving_over_a_model_replaces_it_and_removes_its_old_files() throws IOException {
    ModelFiles.save(dir, TestModels.savedModel(1));
    ModelManifest second = ModelFiles.save(dir, TestModels.savedModel(2));
    assertThat(ModelFiles.load(dir).fingerprint()).isEqualTo(second.fingerprint());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ModelFiles.MANIFEST)))
          .containsExactlyInAnyOrderElementsOf(second.files().values());
    }
  }

  @Test
  void a_save_that_dies_before_its_manifest_leaves_the_previous_model_whole() throws IOException {
    ModelManifest first = ModelFiles.save(dir, TestModels.savedModel(1));
    // what a crashed save leaves: new part files and a temporary manifest, but the old manifest in place
    Files.write(dir.resolve("weights-0123456789abcdef.bin"), new byte[] {1, 2, 3});
    Files.writeString(dir.resolve(".manifest.json.123.tmp"), "{\"formatVer");
    SavedModel loaded = ModelFiles.load(dir);
    assertThat(loaded.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void a_corrupt_weights_file_is_named_with_what_to_do() throws IOException {
    ModelManifest m = ModelFiles.save(dir, TestModels.savedModel(1));
    Path weights = dir.resolve(m.files().get("weights"));
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(weights, bytes);
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(weights.toString())
        .hasMessageContaining("corrupt")
        .hasMessageContaining("movierec train");
  }

  @Test
  void a_missing_part_is_named() throws IOException {
    ModelManifest m = ModelFiles.save(dir, TestModels.savedModel(1));
    Files.delete(dir.resolve(m.files().get("catalog")));
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(m.files().get("catalog"))
        .hasMessageContaining("missing");
  }

  @Test
  void a_garbled_manifest_says_so() throws IOException {
    ModelFiles.save(dir, TestModels.savedModel(1));
    Files.writeString(dir.resolve(ModelFiles.MANIFEST), "{ this is not json");
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("manifest.json is corrupt")
        .hasMessageContaining("movierec train");
  }

  @Test
  void a_model_of_another_format_version_is_refused() throws IOException {
    ModelFiles.save(dir, TestModels.savedModel(1));
    Path manifest = dir.resolve(ModelFiles.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 3", "\"formatVersion\" : 99"));
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format version 99")
        .hasMessageContaining("reads version 3");
  }

  @Test
  void a_model_of_the_previous_format_is_refused_with_the_command_that_rebuilds_it() throws IOException {
    ModelFiles.save(dir, TestModels.savedModel(1));
    Path manifest = dir.resolve(ModelFiles.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 3", "\"formatVersion\" : 2"));
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the model in " + dir + " has format version 2, this MovieRec reads version 3; train one with:"
            + " movierec train --data DATA_DIR --model " + dir);
  }

  @Test
  void a_directory_without_a_model_says_how_to_make_one() {
    assertThatThrownBy(() -> ModelFiles.load(dir.resolve("nothing-here")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no model directory at")
        .hasMessageContaining("movierec train --data");
    assertThatThrownBy(() -> ModelFiles.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manifest.json is missing");
  }

  @Test
  void weights_files_that_end_early_are_refused() {
    byte[] bytes = WeightsFormat.write(TestModels.randomModel(1).weights().all());
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 10);
    assertThatThrownBy(() -> WeightsFormat.read(cut)).hasMessageContaining("claims more values than the file holds");
    byte[] header = java.util.Arrays.copyOf(bytes, 6);
    assertThatThrownBy(() -> WeightsFormat.read(header)).hasMessageContaining("ends too early");
    assertThat(WeightsFormat.read(bytes)).isEqualTo(TestModels.randomModel(1).weights().all());
  }
}
