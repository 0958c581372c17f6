package org.movierec.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Rating;
import org.movierec.data.User;

/** The JSON shapes the API answers with, as records (described for clients in {@code openapi.json}). */
final class ApiJson {
  private ApiJson() {}

  /** A movie: {@code year} is null when the title gives none. */
  record MovieJson(int movieId, String title, Integer year, List<String> genres) {
    static MovieJson of(Movie m) {
      return new MovieJson(m.id(), m.title(), m.year() == 0 ? null : m.year(),
          m.sortedGenres().stream().map(Genre::label).toList());
    }
  }

  /** A movie in a list, with how many ratings the model's data holds for it. */
  record ListedMovieJson(int movieId, String title, Integer year, List<String> genres, int ratings) {
    static ListedMovieJson of(Movie m, int ratings) {
      MovieJson j = MovieJson.of(m);
      return new ListedMovieJson(j.movieId(), j.title(), j.year(), j.genres(), ratings);
    }
  }

  /** One of the user's liked movies close to a recommended one: {@code similarity} is their movie vectors' cosine. */
  record BecauseJson(int movieId, String title, float similarity) {}

  /** {@code predictedStars} is null for a model that does not predict stars. */
  record RecommendationJson(int rank, MovieJson movie, float score, Float predictedStars, List<BecauseJson> because) {}

  /** Who the recommendations were for: {@code userId} null for a user described by the request alone. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ForJson(Integer userId, String gender, String age, String occupation, int ratings) {}

  record RecommendationsJson(ForJson user, String model, List<RecommendationJson> recommendations) {}

  /** A user: where they come from ({@code data}: the model's data, {@code api}: added through this API). */
  record UserJson(int userId, String gender, String age, String occupation, String zip, String source,
      List<UserRatingJson> ratings) {
    static UserJson of(User u, String source, List<UserRatingJson> ratings) {
      return new UserJson(u.id(), u.gender().name(), u.age().label(), u.occupation().label(), u.zip(), source,
          ratings);
    }
  }

  /** A rating: {@code ratedAt} (epoch seconds) is null when the data has no timestamp. */
  record UserRatingJson(int movieId, String title, int stars, String source, Long ratedAt) {
    static UserRatingJson of(Rating r, String title, String source) {
      return new UserRatingJson(r.movieId(), title, r.stars(), source, r.hasTimestamp() ? r.timestamp() : null);
    }
  }

  record StoredRatingsJson(int userId, int stored, int ratings) {}

  record SimilarJson(MovieJson movie, float similarity) {}

  record SimilarMoviesJson(MovieJson movie, List<SimilarJson> similar) {}

  record MoviesJson(List<ListedMovieJson> movies) {}

  record PredictionJson(int userId, int movieId, float predictedStars) {}

  record PredictionsJson(String model, List<PredictionJson> predictions) {}

  record HealthJson(String status, String model, String architecture, int movies, int users) {}

  record ReloadJson(boolean swapped, String model, String previous) {}

  /** Code and label of one choice (an age group, a gender, an occupation). */
  record ChoiceJson(String code, String label) {}

  record OptionsJson(List<ChoiceJson> ages, List<ChoiceJson> genders, List<ChoiceJson> occupations,
      List<String> genres) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ErrorJson(int status, String error, String field, String message, String valid) {}
}
