package org.movierec.server;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * One route of the API: method, path template (Javalin's, {@code /api/users/{id}}) and handler. The server registers
 * exactly its routes from a list of these, which the OpenAPI document is checked against.
 */
record Route(String method, String path, Handler handler) {
  Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new IllegalArgumentException("a route's method must be GET or POST, got: " + method);
    }
  }

  static Route get(String path, Handler handler) {
    return new Route("GET", path, handler);
  }

  static Route post(String path, Handler handler) {
    return new Route("POST", path, handler);
  }
}
