package org.movierec.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Rating;

/**
 * A write that returned is on disk: a child JVM writes ratings and prints each acknowledged one; it is killed with
 * SIGKILL in the middle of writing, and every acknowledged rating is found when the file is opened again.
 */
class FeedbackDurabilityTest {
  private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;

  @TempDir
  Path dir;

  @Test
  void every_acknowledged_rating_survives_killing_the_writer_with_sigkill() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("feedback.db");
    Path stderr = dir.resolve("child-stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx128m", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(), url, "4")
        .redirectError(stderr.toFile())
        .start();
    List<Rating> acknowledged = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = out.readLine()) != null) {
        acknowledged.add(parse(line));
      }
      // SIGKILL through the handle: Process.destroyForcibly() would also close the pipe we still read.
      assertThat(child.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
      // Acknowledgements printed before the kill and still in the pipe count too.
      while ((line = out.readLine()) != null) {
        acknowledged.add(parse(line));
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged).as("acknowledgements (child's stderr: %s)", readQuietly(stderr))
        .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
    assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9), not finished").isEqualTo(137);

    try (FeedbackStore reopened = FeedbackStore.open(url)) {
      List<Rating> stored = reopened.readAll().ratings();
      Set<Rating> storedSet = new HashSet<>(stored);
      assertThat(storedSet).containsAll(acknowledged);
      assertThat(stored).hasSameSizeAs(storedSet);
    }
  }

  private static Rating parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 5 || !f[0].equals("ack")) {
      throw new IllegalStateException("expected 'ack USER MOVIE STARS TIMESTAMP', got: " + line);
    }
    return new Rating(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
