package org.movierec.index.milvus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the Milvus server is and how long to wait for it.
 *
 * @param uri the server, {@code http://host:port} or {@code https://host:port} (Milvus listens on 19530 by default)
 * @param token the credentials, {@code user:password} or an API key; empty when the server does not authenticate
 * @param collection the name searches use: an alias that a build moves to each new collection; letters, digits and
 *     underscores, starting with a letter or an underscore, at most {@value #MAX_COLLECTION_LENGTH} characters (the
 *     versioned collections behind it add a suffix to this name)
 * @param connectTimeout how long to wait for the server to answer when connecting
 * @param requestTimeout how long one call (a search, an insert) may take
 * @param buildTimeout how long building the vector index and loading a new collection may take
 */
public record MilvusOptions(
    String uri, String token, String collection, Duration connectTimeout, Duration requestTimeout,
    Duration buildTimeout) {

  /** The collection (alias) name when none is given. */
  public static final String DEFAULT_COLLECTION = "movierec_movies";

  /** Milvus allows 255 characters in a name; the versioned collections append up to 32. */
  static final int MAX_COLLECTION_LENGTH = 200;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public MilvusOptions {
    Objects.requireNonNull(uri, "uri");
    token = token == null ? "" : token;
    Objects.requireNonNull(collection, "collection");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(buildTimeout, "buildTimeout");
    requireServerUri(uri);
    if (!NAME.matcher(collection).matches() || collection.length() > MAX_COLLECTION_LENGTH) {
      throw new IllegalArgumentException("a Milvus collection name must be letters, digits and underscores, starting "
          + "with a letter or an underscore, at most " + MAX_COLLECTION_LENGTH + " characters, got: '" + collection
          + "'");
    }
  }

  /**
   * The server at {@code uri}, no credentials, collection {@value #DEFAULT_COLLECTION}, 10 s to connect, 30 s per
   * call, 10 minutes to build.
   */
  public static MilvusOptions of(String uri) {
    return new MilvusOptions(uri, "", DEFAULT_COLLECTION, Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(10));
  }

  /** These options with credentials ({@code user:password} or an API key). */
  public MilvusOptions withToken(String newToken) {
    return new MilvusOptions(uri, newToken, collection, connectTimeout, requestTimeout, buildTimeout);
  }

  /** These options with another collection (alias) name. */
  public MilvusOptions withCollection(String name) {
    return new MilvusOptions(uri, token, name, connectTimeout, requestTimeout, buildTimeout);
  }

  /** These options with other timeouts. */
  public MilvusOptions withTimeouts(Duration connect, Duration request, Duration build) {
    return new MilvusOptions(uri, token, collection, connect, request, build);
  }

  /** Whether a token is sent. */
  public boolean authenticates() {
    return !token.isEmpty();
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "MilvusOptions[uri=" + uri + ", token=" + (authenticates() ? "(set)" : "(none)") + ", collection="
        + collection + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", buildTimeout="
        + buildTimeout + "]";
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero() || d.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got: " + d);
    }
  }

  private static void requireServerUri(String uri) {
    String expected = "expected the Milvus server as http://host:port or https://host:port, got: '" + uri + "'";
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expected, e);
    }
    String scheme = parsed.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
      throw new IllegalArgumentException(expected);
    }
  }
}
