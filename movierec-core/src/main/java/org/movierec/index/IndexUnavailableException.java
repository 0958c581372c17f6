package org.movierec.index;

/**
 * A vector store outside this process could not answer: unreachable, too slow, refusing the credentials, or failing.
 * The message is one line for the user (which store, what failed, what to check); the command line prints it and
 * exits non-zero, the server answers 503 for that request and stays up.
 */
public class IndexUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
