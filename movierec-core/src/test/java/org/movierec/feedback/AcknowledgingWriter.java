package org.movierec.feedback;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.movierec.data.Rating;

/**
 * A child process for {@link FeedbackDurabilityTest}: writes ratings one call at a time from several threads, forever,
 * and prints {@code ack USER MOVIE STARS TIMESTAMP} for each once {@code addRatings} has returned. Thread {@code t}
 * writes user {@code t + 1}'s ratings of movies 1, 2, 3, ...
 *
 * <p>Usage: {@code AcknowledgingWriter JDBC_URL THREADS}
 */
public final class AcknowledgingWriter {
  private AcknowledgingWriter() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: AcknowledgingWriter JDBC_URL THREADS, got " + args.length + " args");
    }
    FeedbackStore store = FeedbackStore.open(args[0]);
    PrintStream out = System.out;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < Integer.parseInt(args[1]); t++) {
      int user = t + 1;
      threads.add(Thread.ofPlatform().start(() -> {
        for (int movie = 1; movie < Integer.MAX_VALUE; movie++) {
          Rating r = new Rating(user, movie, 1 + movie % 5, 1_000_000L * user + movie);
          store.addRatings(List.of(r));
          synchronized (out) {
            out.println("ack " + r.userId() + " " + r.movieId() + " " + r.stars() + " " + r.timestamp());
            out.flush();
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
