package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySwapTest {
  @TempDir Path tempDir;

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  private Stream<String> namesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList().stream();
    }
  }

  @Test
  void creates_the_directory_and_its_parents_when_absent() throws IOException {
    Path target = tempDir.resolve("a/b/index");
    DirectorySwap.replace(target, dir -> write(dir, "data", "new"));
    assertThat(target.resolve("data")).hasContent("new");
  }

  @Test
  void replaces_the_whole_previous_content() throws IOException {
    Path target = tempDir.resolve("index");
    DirectorySwap.replace(target, dir -> write(dir, "old-only", "old"));
    DirectorySwap.replace(target, dir -> write(dir, "data", "new"));
    assertThat(namesIn(target)).containsExactly("data");
    assertThat(namesIn(tempDir)).containsExactly("index");
  }

  @Test
  void a_build_that_fails_half_way_leaves_the_previous_directory_intact_and_nothing_beside_it() throws IOException {
    Path target = tempDir.resolve("index");
    DirectorySwap.replace(target, dir -> write(dir, "data", "old"));
    assertThatThrownBy(
            () ->
                DirectorySwap.replace(
                    target,
                    dir -> {
                      write(dir, "data", "half-written");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(target.resolve("data")).hasContent("old");
    assertThat(namesIn(tempDir)).containsExactly("index");
  }

  @Test
  void finds_what_an_interrupted_replacement_left_and_clears_it_on_the_next() throws IOException {
    Path target = tempDir.resolve("index");
    Files.createDirectories(tempDir.resolve(".index.old-123"));
    Files.createDirectories(tempDir.resolve(".index.building-456"));
    Files.createDirectories(tempDir.resolve(".other.old-1"));
    assertThat(DirectorySwap.leftovers(target))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(".index.old-123", ".index.building-456");
    DirectorySwap.replace(target, dir -> write(dir, "data", "new"));
    assertThat(namesIn(tempDir)).containsExactlyInAnyOrder("index", ".other.old-1");
  }
}
