package org.movierec.data;

import java.util.Objects;

/**
 * A user with the demographics MovieLens 1M records.
 *
 * @param id the MovieLens user id (positive), or 0 for a new user known only by demographics
 * @param zip the zip code as given, or empty
 */
public record User(int id, Gender gender, AgeGroup age, Occupation occupation, String zip) {
  public User {
    if (id < 0) {
      throw new IllegalArgumentException("user id must be 0 (new user) or positive, got: " + id);
    }
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(occupation, "occupation");
    zip = zip == null ? "" : zip;
  }

  /** A user nobody has seen: the model knows only the demographics. */
  public static User newUser(Gender gender, AgeGroup age, Occupation occupation) {
    return new User(0, gender, age, occupation, "");
  }

  public boolean isNew() {
    return id == 0;
  }
}
