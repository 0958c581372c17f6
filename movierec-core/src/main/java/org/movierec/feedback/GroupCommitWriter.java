package org.movierec.feedback;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.movierec.feedback.FeedbackWrites.Write;

/**
 * Group commit: callers queue their writes and wait; one thread takes whatever is queued (up to {@link #MAX_BATCH}
 * writes), stores it in one transaction, commits, then completes every caller of that batch. While a commit waits for
 * the disk, the next callers queue up and share the next commit, so one flush acknowledges many requests.
 *
 * <p>A failed batch fails exactly its callers, each with the database's exception. Writes are validated before they
 * are queued, so one caller's bad input never fails another's write. Safe from many threads.
 */
final class GroupCommitWriter implements AutoCloseable {
  /** The most writes one transaction takes. */
  static final int MAX_BATCH = 1_000;

  private record Pending(Write<?> write, CompletableFuture<Object> done) {}

  private static final Pending STOP = new Pending(null, null);

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final StoreConnection connection;
  private final String store;
  private final Thread thread;
  private final Object lifecycle = new Object();
  private boolean closed;

  /**
   * @param connection a writer connection, from now on used by this writer's thread only (and closed by it)
   * @param store the store's description, for the thread's name and messages
   */
  GroupCommitWriter(StoreConnection connection, String store) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.store = Objects.requireNonNull(store, "store");
    this.thread = Thread.ofPlatform().name("feedback-writer " + store).daemon(true).unstarted(this::run);
    thread.start();
  }

  /**
   * Queues a write and waits until it is committed.
   *
   * @return what the write gives back
   * @throws SQLException when the transaction of its batch failed
   * @throws IllegalStateException when the writer is closed
   */
  @SuppressWarnings("unchecked")
  <T> T write(Write<T> write) throws SQLException {
    Pending pending = new Pending(Objects.requireNonNull(write, "write"), new CompletableFuture<>());
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("feedback store " + store + " is closed");
      }
      queue.add(pending);
    }
    return (T) await(pending.done());
  }

  /** Waits even when interrupted (the write is under way; giving up would not undo it), then restores the flag. */
  private static Object await(CompletableFuture<Object> done) throws SQLException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          switch (e.getCause()) {
            case SQLException s -> throw s;
            case RuntimeException r -> throw r;
            case Error r -> throw r;
            default -> throw new IllegalStateException(e.getCause());
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() stops this thread, through STOP
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.remove(STOP); // close() queues STOP last: nothing follows it
      if (!batch.isEmpty()) {
        commit(batch);
      }
    }
    connection.close();
  }

  private void commit(List<Pending> batch) {
    List<Write<?>> writes = batch.stream().<Write<?>>map(Pending::write).toList();
    Object[] results;
    try {
      results = connection.inTransaction(c -> FeedbackWrites.apply(c, writes));
    } catch (Throwable t) {
      for (Pending p : batch) {
        p.done().completeExceptionally(t);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(results[i]);
    }
  }

  /** Stores what is queued, stops the thread and closes the connection. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
