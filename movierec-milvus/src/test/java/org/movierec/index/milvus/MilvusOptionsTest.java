package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MilvusOptionsTest {

  @Test
  void defaults_to_the_movierec_movies_collection_no_token_and_finite_timeouts() {
    MilvusOptions o = MilvusOptions.of("http://localhost:19530");
    assertThat(o.collection()).isEqualTo("movierec_movies");
    assertThat(o.authenticates()).isFalse();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.buildTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void never_shows_the_token() {
    MilvusOptions o = MilvusOptions.of("https://milvus.example:443").withToken("root:Milvus");
    assertThat(o.authenticates()).isTrue();
    assertThat(o.toString()).doesNotContain("Milvus]").doesNotContain("root").contains("token=(set)");
  }

  @Test
  void refuses_a_uri_that_is_not_http_or_https_with_a_host() {
    assertThatThrownBy(() -> MilvusOptions.of("localhost:19530")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected the Milvus server as http://host:port or https://host:port, got: 'localhost:19530'");
    assertThatThrownBy(() -> MilvusOptions.of("tcp://localhost:19530"))
        .hasMessageContaining("got: 'tcp://localhost:19530'");
    assertThatThrownBy(() -> MilvusOptions.of("http://")).hasMessageContaining("got: 'http://'");
  }

  @Test
  void refuses_a_collection_name_milvus_would_refuse() {
    MilvusOptions o = MilvusOptions.of("http://localhost:19530");
    assertThatThrownBy(() -> o.withCollection("movies-2024")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Milvus collection name must be letters, digits and underscores, starting with a letter or an "
            + "underscore, at most 200 characters, got: 'movies-2024'");
    assertThatThrownBy(() -> o.withCollection("1movies")).hasMessageContaining("got: '1movies'");
    assertThatThrownBy(() -> o.withCollection("m".repeat(201))).hasMessageContaining("at most 200");
    assertThat(o.withCollection("_Movies_2").collection()).isEqualTo("_Movies_2");
  }

  @Test
  void refuses_timeouts_below_a_millisecond() {
    MilvusOptions o = MilvusOptions.of("http://localhost:19530");
    assertThatThrownBy(() -> o.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be at least 1 ms, got: PT0S");
    assertThatThrownBy(() -> o.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessage("requestTimeout must be at least 1 ms, got: PT-1S");
  }
}
