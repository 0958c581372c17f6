package org.movierec.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's metrics in Micrometer, scraped in the Prometheus text format at {@code /metrics}: requests and their
 * latencies by method, route and status ({@code movierec_http_requests_seconds}, with p50/p99), errors ({@code
 * movierec_http_errors_total}), ratings stored, users and movies added, model swaps.
 */
final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter ratingsStored;
  private final Counter usersAdded;
  private final Counter moviesAdded;
  private final Counter modelsLoaded;
  private final AtomicLong modelLoadedAt = new AtomicLong();

  ServerMetrics() {
    ratingsStored = Counter.builder("movierec.feedback.ratings.stored")
        .description("Ratings stored durably in the feedback store").register(registry);
    usersAdded = Counter.builder("movierec.feedback.users.added").description("Users added through the API")
        .register(registry);
    moviesAdded = Counter.builder("movierec.feedback.movies.added").description("Movies added through the API")
        .register(registry);
    modelsLoaded = Counter.builder("movierec.model.loads").description("Models loaded (the first and each swap)")
        .register(registry);
    Gauge.builder("movierec.model.loaded.timestamp", modelLoadedAt, AtomicLong::get)
        .description("When the model in use was loaded, epoch seconds").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  /** The timer of each kind of request, registered once (a registration per request looked the meter up anew). */
  private final Map<RequestKind, Timer> timers = new ConcurrentHashMap<>();

  private record RequestKind(String method, String route, int status) {}

  /** One answered request: the route's path template ({@code /api/users/{id}}), not the path asked. */
  void request(String method, String route, int status, Duration took) {
    timers.computeIfAbsent(new RequestKind(method, route, status), kind -> Timer.builder("movierec.http.requests")
            .description("HTTP requests answered, by method, route and status")
            .tags("method", method, "route", route, "status", Integer.toString(status))
            .publishPercentiles(0.5, 0.99)
            .register(registry))
        .record(took.toNanos(), TimeUnit.NANOSECONDS);
    if (status >= 400) {
      Counter.builder("movierec.http.errors").description("Requests answered with a 4xx or 5xx status")
          .tags("route", route, "status", Integer.toString(status)).register(registry).increment();
    }
  }

  void ratingsStored(int n) {
    ratingsStored.increment(n);
  }

  void userAdded() {
    usersAdded.increment();
  }

  void movieAdded() {
    moviesAdded.increment();
  }

  void modelLoaded(String fingerprint) {
    modelsLoaded.increment();
    modelLoadedAt.set(System.currentTimeMillis() / 1000);
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }
}
