package org.movierec.server;

import java.util.Objects;

/**
 * A request the server refuses: the HTTP status, the field at fault (a query or path parameter, a JSON path such as
 * {@code ratings[2].stars}, or {@code body}), what was wrong and which values are valid. Answered as JSON by {@link
 * HttpApi}, never as a stack trace.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;
  private final String valid;

  ApiException(int status, String field, String message, String valid) {
    super(Objects.requireNonNull(message, "message"));
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an API error's status must be 4xx or 5xx, got: " + status);
    }
    this.status = status;
    this.field = field;
    this.valid = valid;
  }

  /** 400: a value the API cannot take. */
  static ApiException badRequest(String field, String message, String valid) {
    return new ApiException(400, field, message, valid);
  }

  /** 404: an id of nothing the server knows. */
  static ApiException notFound(String field, String message) {
    return new ApiException(404, field, message, null);
  }

  int status() {
    return status;
  }

  /** The field at fault, or null when the request as a whole is. */
  String field() {
    return field;
  }

  /** The valid values, or null when there is nothing to list. */
  String valid() {
    return valid;
  }
}
