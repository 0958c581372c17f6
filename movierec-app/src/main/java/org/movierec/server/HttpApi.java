package org.movierec.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import org.movierec.data.User;
import org.movierec.index.IndexUnavailableException;
import org.movierec.server.ApiJson.ChoiceJson;
import org.movierec.server.ApiJson.ErrorJson;
import org.movierec.server.ApiJson.OptionsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of {@link MovieRecService}: the routes ({@link #routes}), JSON in and out, errors as JSON with the
 * field at fault and the valid values (never a stack trace), metrics of every request, the web page at {@code /} and
 * the OpenAPI document at {@code /openapi.json}. Handlers are small: read parameters ({@link Params}, {@link
 * Bodies}), call the service, write JSON.
 */
final class HttpApi {
  /** Request bodies larger than this are refused with 413. */
  static final long MAX_BODY_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final MovieRecService service;
  private final ServerMetrics metrics;
  private final AdminGuard admin;
  private final byte[] openApi;

  HttpApi(MovieRecService service, ServerMetrics metrics, AdminGuard admin) {
    this.service = Objects.requireNonNull(service, "service");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.admin = Objects.requireNonNull(admin, "admin");
    this.openApi = resource("openapi.json");
  }

  /** Every route the server answers, in the order of the OpenAPI document. */
  List<Route> routes() {
    return List.of(
        Route.get("/api/recommendations", this::recommendNew),
        Route.post("/api/recommendations", this::recommendDescribed),
        Route.get("/api/users/{id}/recommendations", this::recommendKnown),
        Route.post("/api/users", this::addUser),
        Route.get("/api/users/{id}", this::user),
        Route.post("/api/users/{id}/ratings", this::addRatings),
        Route.get("/api/movies", this::movies),
        Route.post("/api/movies", this::addMovie),
        Route.get("/api/movies/popular", this::popular),
        Route.get("/api/movies/{id}", this::movie),
        Route.get("/api/movies/{id}/similar", this::similar),
        Route.post("/api/predictions", this::predict),
        Route.get("/api/options", this::options),
        Route.get("/health", this::health),
        Route.get("/metrics", this::metrics),
        Route.post("/admin/reload", this::reload),
        Route.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)));
  }

  /** A Javalin app serving these routes and the web page, not started. */
  Javalin create() {
    List<Route> routes = routes();
    return Javalin.create(cfg -> {
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      cfg.http.defaultContentType = "application/json";
      cfg.startup.showJavalinBanner = false;
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/web";
        sf.location = Location.CLASSPATH;
      });
      for (Route r : routes) {
        if (r.method().equals("GET")) {
          cfg.routes.get(r.path(), r.handler());
        } else {
          cfg.routes.post(r.path(), r.handler());
        }
      }
      cfg.routes.exception(ApiException.class, (e, ctx) ->
          error(ctx, e.status(), e.field(), e.getMessage(), e.valid()));
      cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
          error(ctx, e.getStatus(), null, describe(e, ctx), null));
      cfg.routes.exception(IndexUnavailableException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        error(ctx, 503, null, e.getMessage(), null);
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, null, "internal error (" + e.getClass().getSimpleName() + "); the server log has the"
            + " details", null);
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, 404, null, "no route " + ctx.method() + " " + ctx.path() + "; the API is described at"
              + " /openapi.json", null);
        }
      });
      cfg.requestLogger.http((ctx, ms) ->
          metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos((long) (ms * 1e6))));
    });
  }

  // ---- handlers

  private void recommendNew(Context ctx) {
    json(ctx, 200, service.recommend(Params.demographics(ctx), List.of(), Params.k(ctx), Params.filter(ctx)));
  }

  private void recommendDescribed(Context ctx) {
    Bodies.RecommendBody b = Bodies.recommend(Bodies.json(ctx));
    json(ctx, 200, service.recommend(b.demographics(), b.ratings(), b.k(), b.filter()));
  }

  private void recommendKnown(Context ctx) {
    json(ctx, 200, service.recommendFor(Params.id(ctx, "id"), Params.k(ctx), Params.filter(ctx)));
  }

  private void addUser(Context ctx) {
    User u = Bodies.newUser(Bodies.json(ctx)).user();
    json(ctx, 201, service.addUser(u.gender(), u.age(), u.occupation(), u.zip()));
  }

  private void user(Context ctx) {
    json(ctx, 200, service.userJson(Params.id(ctx, "id")));
  }

  private void addRatings(Context ctx) {
    int id = Params.id(ctx, "id");
    json(ctx, 201, service.addRatings(id, Bodies.ratings(Bodies.json(ctx), "")));
  }

  private void movies(Context ctx) {
    json(ctx, 200, service.searchTitles(ctx.queryParam("q"), Params.limit(ctx, 20)));
  }

  private void addMovie(Context ctx) {
    Bodies.NewMovieBody b = Bodies.newMovie(Bodies.json(ctx));
    json(ctx, 201, service.addMovie(b.title(), b.genres()));
  }

  private void popular(Context ctx) {
    json(ctx, 200, service.popular(Params.demographics(ctx), Params.limit(ctx, 20)));
  }

  private void movie(Context ctx) {
    json(ctx, 200, service.movie(Params.id(ctx, "id")));
  }

  private void similar(Context ctx) {
    json(ctx, 200, service.similar(Params.id(ctx, "id"), Params.k(ctx)));
  }

  private void predict(Context ctx) {
    json(ctx, 200, service.predict(Bodies.pairs(Bodies.json(ctx))));
  }

  private void options(Context ctx) {
    json(ctx, 200, new OptionsJson(
        Arrays.stream(AgeGroup.values()).map(a -> new ChoiceJson(Integer.toString(a.code()), a.label())).toList(),
        Arrays.stream(Gender.values()).map(g -> new ChoiceJson(g.name(), g.label())).toList(),
        Arrays.stream(Occupation.values()).map(o -> new ChoiceJson(Integer.toString(o.code()), o.label())).toList(),
        Arrays.stream(Genre.values()).map(Genre::label).toList()));
  }

  private void health(Context ctx) {
    json(ctx, service.isReady() ? 200 : 503, service.health());
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private void reload(Context ctx) {
    admin.check(ctx);
    try {
      json(ctx, 200, service.reload());
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new ApiException(409, null, "the model directory's model cannot be served, the model in use ("
          + service.fingerprint() + ") still is: " + e.getMessage(), null);
    }
  }

  // ---- plumbing

  private static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(Bodies.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
    }
  }

  private static void error(Context ctx, int status, String field, String message, String valid) {
    json(ctx, status, new ErrorJson(status, reason(status), field, message, valid));
  }

  private static String reason(int status) {
    HttpStatus s = HttpStatus.forStatus(status);
    return s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
  }

  private static String describe(HttpResponseException e, Context ctx) {
    if (e.getStatus() == 413) {
      return "the body is larger than " + MAX_BODY_BYTES + " bytes";
    }
    if (e.getStatus() == 404) {
      return "no route " + ctx.method() + " " + ctx.path() + "; the API is described at /openapi.json";
    }
    return e.getMessage() == null || e.getMessage().isEmpty() ? reason(e.getStatus()) : e.getMessage();
  }

  /** The route template the request matched, or {@code unmatched}. */
  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the build lacks " + name + " beside " + HttpApi.class.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
