package org.movierec.index.milvus;

import java.util.Objects;
import org.movierec.index.IndexUnavailableException;

/**
 * Milvus could not do what was asked: the server is unreachable or too slow, refused the credentials or the
 * operation, lacks the collection, or failed. The message is one line meant for the user: which server, what failed,
 * what to check. The SDK's exception, kept as the cause, is for logs.
 */
public final class MilvusStoreException extends IndexUnavailableException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that act on it (e.g. an HTTP status). */
  public enum Reason {
    /** No connection: the server is down, or the URI's host or port is wrong. */
    UNREACHABLE,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The server refused the credentials (or needs some). */
    AUTHENTICATION,
    /** The credentials are valid but lack a privilege. */
    PERMISSION,
    /** The collection or alias does not exist. */
    NOT_FOUND,
    /** The server answered with another error. */
    SERVER,
    /** The client failed before or after talking to the server. */
    CLIENT
  }

  private final Reason reason;

  public MilvusStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
