package org.movierec.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.IdIndex;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.User;
import org.movierec.data.Vocabulary;

/** The JSON parts of a model directory: the features (ids, vocabulary) and the catalog. */
final class ModelJson {
  private ModelJson() {}

  record FeaturesJson(int[] userIds, int[] movieIds, List<String> titleWords, int titleLength, String objective) {}

  record MovieJson(int id, String title, int year, List<String> genres) {}

  record UserJson(int id, String gender, int age, int occupation, String zip) {}

  record CatalogJson(List<MovieJson> movies, List<UserJson> users) {}

  /** The model's inputs (ids, title vocabulary) and its objective: what, beside the weights, defines the model. */
  static byte[] features(TwoTowerModel m) {
    FusionFeatures f = switch (m) {
      case FusionModel demo -> demo.features();
      case HistoryModel history -> history.features();
      default -> throw new IllegalArgumentException("cannot save a " + m.getClass().getSimpleName());
    };
    return bytes(new FeaturesJson(f.users().ids(), f.movies().ids(), f.titleWords().words(), f.titleLength(),
        m.objective().label()));
  }

  static FeaturesJson readFeatures(byte[] json) throws IOException {
    return ModelFiles.JSON.readValue(json, FeaturesJson.class);
  }

  static FusionFeatures features(FeaturesJson f) {
    return new FusionFeatures(IdIndex.of(f.userIds()), IdIndex.of(f.movieIds()), Vocabulary.of(f.titleWords()),
        f.titleLength());
  }

  static Objective objective(FeaturesJson f) {
    return f.objective() == null ? Objective.MSE : Objective.parse(f.objective());
  }

  static byte[] catalog(Catalog c) {
    List<MovieJson> movies = new ArrayList<>();
    for (Movie m : c.movies().values()) {
      movies.add(new MovieJson(m.id(), m.title(), m.year(), m.sortedGenres().stream().map(Genre::label).toList()));
    }
    List<UserJson> users = new ArrayList<>();
    for (User u : c.users().values()) {
      users.add(new UserJson(u.id(), u.gender().name(), u.age().fileValue(), u.occupation().code(), u.zip()));
    }
    return bytes(new CatalogJson(movies, users));
  }

  static Catalog readCatalog(byte[] json) throws IOException {
    CatalogJson c = ModelFiles.JSON.readValue(json, CatalogJson.class);
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    for (MovieJson m : c.movies()) {
      Set<Genre> genres = m.genres().stream().map(Genre::parse).collect(Collectors.toSet());
      movies.put(m.id(), new Movie(m.id(), m.title(), m.year(), genres));
    }
    Map<Integer, User> users = new LinkedHashMap<>();
    for (UserJson u : c.users()) {
      users.put(u.id(), new User(u.id(), Gender.parse(u.gender()), AgeGroup.ofYears(u.age()),
          Occupation.ofCode(u.occupation()), u.zip()));
    }
    return new Catalog(movies, users);
  }

  private static byte[] bytes(Object value) {
    try {
      return ModelFiles.JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
