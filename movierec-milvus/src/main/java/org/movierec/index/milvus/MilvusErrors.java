package org.movierec.index.milvus;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.milvus.v2.exception.ErrorCode;
import io.milvus.v2.exception.MilvusClientException;
import java.time.Duration;
import java.util.Locale;
import org.movierec.index.milvus.MilvusStoreException.Reason;

/**
 * Turns what the Milvus SDK throws into a {@link MilvusStoreException} with a one-line message.
 *
 * <p>What arrives (SDK 2.6, {@code MilvusClientV2}): a failed call is a {@link MilvusClientException} whose {@link
 * ErrorCode} says where it failed: {@code RPC_ERROR} wraps the gRPC {@link StatusRuntimeException} (UNAVAILABLE when
 * the server is down, DEADLINE_EXCEEDED after the request timeout, UNAUTHENTICATED for wrong credentials);
 * {@code SERVER_ERROR} carries the server's own code ({@code getServerErrCode()}: 100 collection not found, 1600 alias
 * not found, 1400 and 1800 not authenticated, 1401 privilege not permitted, from Milvus's {@code merr} package);
 * {@code TIMEOUT} ends the SDK's retries. The constructor {@code new MilvusClientV2(config)} instead throws the bare
 * {@link StatusRuntimeException} (DEADLINE_EXCEEDED once the connect timeout passes: the SDK waits for the channel to
 * become ready, so a refused connection reads as a deadline) or a {@link RuntimeException} whose message starts "Failed
 * to initialize connection". Older servers report bad credentials as an invalid parameter whose reason reads "auth
 * check failure", so the reason text is read too.
 */
final class MilvusErrors {
  private MilvusErrors() {}

  /**
   * The exception to throw for {@code e}, which happened while doing {@code action} (e.g. {@code "search collection
   * 'movierec_movies'"}) on the server at {@code uri}; {@code timeout} is the limit that applied.
   */
  static MilvusStoreException translate(String uri, String action, Duration timeout, Throwable e) {
    if (e instanceof MilvusStoreException already) {
      return already;
    }
    StatusRuntimeException grpc = grpcCause(e);
    if (grpc != null) {
      return fromGrpc(uri, action, timeout, grpc.getStatus().getCode(), describe(grpc.getStatus()), e);
    }
    if (e instanceof MilvusClientException m) {
      String text = oneLine(m.getMessage() == null ? "" : m.getMessage());
      Status.Code named = grpcCodeNamedIn(text);
      if (named != null) {
        return fromGrpc(uri, action, timeout, named, text, e);
      }
      if (m.getErrorCode() == ErrorCode.COLLECTION_NOT_FOUND || m.getServerErrCode() == 100
          || m.getServerErrCode() == 1600) {
        return notFound(uri, action, text, e);
      }
      if (m.getServerErrCode() == 1400 || m.getServerErrCode() == 1800 || mentionsAuthentication(text)) {
        return authentication(uri, action, text, e);
      }
      if (m.getServerErrCode() == 1401) {
        return new MilvusStoreException(Reason.PERMISSION, "Milvus at " + uri + " denied " + action + ": " + text
            + "; grant the token's user the privileges MovieRec needs on the collection", e);
      }
      if (m.getErrorCode() == ErrorCode.TIMEOUT) {
        return timeout(uri, action, timeout, e);
      }
      if (m.getErrorCode() == ErrorCode.SERVER_ERROR) {
        return new MilvusStoreException(Reason.SERVER, "Milvus at " + uri + " failed to " + action + ": " + text
            + " (server error code " + m.getServerErrCode() + ")", e);
      }
    }
    String text = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (text.startsWith("Failed to initialize connection")) {
      return mentionsAuthentication(text) ? authentication(uri, action, text, e)
          : new MilvusStoreException(Reason.SERVER, "Milvus at " + uri + " refused the connection: " + text, e);
    }
    return new MilvusStoreException(Reason.CLIENT, "the Milvus client failed to " + action + " at " + uri + ": "
        + text, e);
  }

  private static MilvusStoreException fromGrpc(String uri, String action, Duration timeout, Status.Code code,
      String detail, Throwable e) {
    return switch (code) {
      case UNAVAILABLE -> new MilvusStoreException(Reason.UNREACHABLE, "cannot reach Milvus at " + uri + " to "
          + action + " (" + detail + "); check that Milvus is running and that the URI's host and port are right "
          + "(Milvus listens on 19530 by default)", e);
      case DEADLINE_EXCEEDED -> timeout(uri, action, timeout, e);
      case UNAUTHENTICATED -> authentication(uri, action, detail, e);
      case PERMISSION_DENIED -> new MilvusStoreException(Reason.PERMISSION, "Milvus at " + uri + " denied " + action
          + ": " + detail + "; grant the token's user the privileges MovieRec needs on the collection", e);
      case NOT_FOUND -> notFound(uri, action, detail, e);
      default -> new MilvusStoreException(Reason.SERVER, "Milvus at " + uri + " failed to " + action + ": " + detail,
          e);
    };
  }

  private static MilvusStoreException timeout(String uri, String action, Duration timeout, Throwable e) {
    return new MilvusStoreException(Reason.TIMEOUT, "Milvus at " + uri + " did not " + action + " within "
        + seconds(timeout) + "; check that Milvus is running and reachable at that URI (a refused connection also "
        + "shows as no answer), that it is healthy, or allow more time", e);
  }

  private static MilvusStoreException authentication(String uri, String action, String detail, Throwable e) {
    return new MilvusStoreException(Reason.AUTHENTICATION, "Milvus at " + uri + " refused the credentials to "
        + action + " (" + detail + "); check the token: user:password or an API key, or none if the server does not "
        + "authenticate", e);
  }

  private static MilvusStoreException notFound(String uri, String action, String detail, Throwable e) {
    return new MilvusStoreException(Reason.NOT_FOUND, "Milvus at " + uri + " has no such collection to " + action
        + " (" + detail + "); build it with: " + MilvusIndex.rebuild(uri), e);
  }

  private static StatusRuntimeException grpcCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s;
      }
    }
    return null;
  }

  /** The SDK's retry loop keeps only the text of a gRPC failure ("... UNAUTHENTICATED: auth check failure ..."). */
  private static Status.Code grpcCodeNamedIn(String text) {
    for (Status.Code code : new Status.Code[] {Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
        Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED}) {
      if (text.contains(code.name() + ":") || text.endsWith(code.name())) {
        return code;
      }
    }
    return null;
  }

  private static boolean mentionsAuthentication(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("auth check failure") || lower.contains("not authenticated")
        || lower.contains("hasn't authenticated");
  }

  private static String describe(Status status) {
    return status.getDescription() == null ? status.getCode().name()
        : status.getCode().name() + ": " + oneLine(status.getDescription());
  }

  /** Server reasons may span lines; the user's message is one. */
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
