package org.movierec.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may call {@code /admin/*}: with a token configured, requests carrying {@code Authorization: Bearer TOKEN};
 * without one, anybody when the server is bound to a loopback address only, nobody otherwise.
 */
final class AdminGuard {
  private final String token;
  private final boolean loopbackOnly;

  /**
   * @param token the admin token, or null/blank for none
   * @param host the address the server binds to
   */
  AdminGuard(String token, String host) {
    this.token = token == null || token.isBlank() ? null : token;
    this.loopbackOnly = isLoopback(host);
  }

  void check(Context ctx) {
    if (token == null) {
      if (!loopbackOnly) {
        throw new ApiException(403, "Authorization", "/admin is closed: the server is bound to a non-loopback"
            + " address and no admin token is configured (--admin-token or MOVIEREC_ADMIN_TOKEN)", null);
      }
      return;
    }
    String given = ctx.header("Authorization");
    String expected = "Bearer " + token;
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, "Authorization", "/admin needs the header Authorization: Bearer <admin token>",
          "Bearer <admin token>");
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
