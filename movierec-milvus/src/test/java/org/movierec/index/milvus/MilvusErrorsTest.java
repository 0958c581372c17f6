package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.milvus.v2.exception.ErrorCode;
import io.milvus.v2.exception.MilvusClientException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.movierec.index.milvus.MilvusStoreException.Reason;

/** What the SDK throws, built as the SDK builds it (RpcUtils, MilvusClientV2.connect), and the line the user reads. */
class MilvusErrorsTest {
  private static final String URI = "http://milvus.local:19530";
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private static MilvusStoreException translate(String action, Throwable e) {
    return MilvusErrors.translate(URI, action, TEN_SECONDS, e);
  }

  @Test
  void a_connection_refused_is_unreachable_and_says_what_to_check() {
    var refused = Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new ConnectException("Connection refused")).asRuntimeException();
    MilvusStoreException e = translate("search 'movierec_movies'", new MilvusClientException(ErrorCode.RPC_ERROR,
        refused));
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).isEqualTo("cannot reach Milvus at http://milvus.local:19530 to search "
        + "'movierec_movies' (UNAVAILABLE: io exception); check that Milvus is running and that the URI's host and "
        + "port are right (Milvus listens on 19530 by default)");
    assertThat(e.getCause().getCause()).isSameAs(refused);
  }

  @Test
  void no_answer_while_connecting_is_a_timeout_naming_the_limit() {
    // new MilvusClientV2(config) waits for the channel until the connect timeout, then throws the bare gRPC status.
    var deadline = Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 9.99s").asRuntimeException();
    MilvusStoreException e = translate("connect", deadline);
    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("Milvus at http://milvus.local:19530 did not connect within 10 s; check "
        + "that Milvus is running and reachable at that URI (a refused connection also shows as no answer), that it "
        + "is healthy, or allow more time");
  }

  @Test
  void a_slow_call_is_a_timeout() {
    var deadline = Status.DEADLINE_EXCEEDED.asRuntimeException();
    MilvusStoreException e = MilvusErrors.translate(URI, "search 'm'", Duration.ofMillis(1500),
        new MilvusClientException(ErrorCode.RPC_ERROR, deadline));
    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).startsWith("Milvus at http://milvus.local:19530 did not search 'm' within 1500 ms;");
    assertThat(translate("search 'm'", new MilvusClientException(ErrorCode.TIMEOUT, "Retry timeout: 10000ms"))
        .reason()).isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void wrong_credentials_say_to_check_the_token() {
    var unauthenticated = Status.UNAUTHENTICATED
        .withDescription("auth check failure, please check username, password or API key are correct")
        .asRuntimeException();
    MilvusStoreException e = translate("connect", unauthenticated);
    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(e.getMessage()).isEqualTo("Milvus at http://milvus.local:19530 refused the credentials to connect "
        + "(UNAUTHENTICATED: auth check failure, please check username, password or API key are correct); check the "
        + "token: user:password or an API key, or none if the server does not authenticate");
  }

  @Test
  void wrong_credentials_are_recognized_in_every_form_the_sdk_reports_them() {
    // the retry loop keeps only the text of the gRPC failure
    assertThat(translate("search 'm'", new MilvusClientException(ErrorCode.RPC_ERROR, "Encounter rpc error that "
        + "cannot be retried, reason: io.grpc.StatusRuntimeException: UNAUTHENTICATED: auth check failure")).reason())
        .isEqualTo(Reason.AUTHENTICATION);
    // Milvus 2.x's merr code 1400 (not authenticated) in a server status
    assertThat(translate("search 'm'", new MilvusClientException(ErrorCode.SERVER_ERROR, "not authenticated", 1400,
        0)).reason()).isEqualTo(Reason.AUTHENTICATION);
    // older servers: an invalid parameter whose reason reads "auth check failure"
    assertThat(translate("search 'm'", new MilvusClientException(ErrorCode.SERVER_ERROR,
        "auth check failure, please check username and password are correct", 1100, 0)).reason())
        .isEqualTo(Reason.AUTHENTICATION);
    // MilvusClientV2.connect when the Connect RPC answers with an error status
    assertThat(translate("connect", new RuntimeException("Failed to initialize connection. Error: auth check "
        + "failure, please check username and password are correct")).reason()).isEqualTo(Reason.AUTHENTICATION);
  }

  @Test
  void a_missing_privilege_is_a_permission_error() {
    MilvusStoreException e = translate("create the collection 'c'", new MilvusClientException(ErrorCode.SERVER_ERROR,
        "privilege not permitted", 1401, 0));
    assertThat(e.reason()).isEqualTo(Reason.PERMISSION);
    assertThat(e.getMessage()).isEqualTo("Milvus at http://milvus.local:19530 denied create the collection 'c': "
        + "privilege not permitted; grant the token's user the privileges MovieRec needs on the collection");
  }

  @Test
  void a_missing_collection_or_alias_says_how_to_build_it() {
    MilvusStoreException e = translate("search 'movierec_movies_x'", new MilvusClientException(
        ErrorCode.SERVER_ERROR, "collection not found[collection=movierec_movies_x]", 100, 4));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("Milvus at http://milvus.local:19530 has no such collection to search "
        + "'movierec_movies_x' (collection not found[collection=movierec_movies_x]); build it with: movierec index "
        + "--model DIR --store milvus --milvus-uri http://milvus.local:19530");
    assertThat(translate("look up the alias 'a'", new MilvusClientException(ErrorCode.SERVER_ERROR,
        "alias not found", 1600, 0)).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(translate("insert", new MilvusClientException(ErrorCode.COLLECTION_NOT_FOUND,
        "Collection not found")).reason()).isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void another_server_error_keeps_the_server_s_reason_and_code() {
    MilvusStoreException e = translate("search 'm'", new MilvusClientException(ErrorCode.SERVER_ERROR,
        "collection not loaded[collection=m]", 101, 0));
    assertThat(e.reason()).isEqualTo(Reason.SERVER);
    assertThat(e.getMessage()).isEqualTo("Milvus at http://milvus.local:19530 failed to search 'm': collection not "
        + "loaded[collection=m] (server error code 101)");
  }

  @Test
  void anything_else_is_a_client_failure_with_its_message() {
    MilvusStoreException e = translate("connect", new IllegalArgumentException("Missing hostname in url"));
    assertThat(e.reason()).isEqualTo(Reason.CLIENT);
    assertThat(e.getMessage()).isEqualTo("the Milvus client failed to connect at http://milvus.local:19530: Missing "
        + "hostname in url");
  }

  @Test
  void keeps_a_translated_exception_as_it_is() {
    MilvusStoreException once = new MilvusStoreException(Reason.SERVER, "x", null);
    assertThat(translate("search", once)).isSameAs(once);
  }

  @Test
  void every_message_is_one_line() {
    var multiline = Status.UNAVAILABLE.withDescription("io exception\n  caused by: refused").asRuntimeException();
    assertThat(translate("connect", multiline).getMessage()).contains("(UNAVAILABLE: io exception caused by: refused)")
        .doesNotContain("\n");
    assertThat(translate("search", new MilvusClientException(ErrorCode.SERVER_ERROR, "bad\r\nthing", 5, 0))
        .getMessage()).isEqualTo("Milvus at http://milvus.local:19530 failed to search: bad thing (server error code 5)");
  }
}
