package org.movierec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.SavedModel;

/**
 * A user as the command line asked for them, and the profile the model is given for them.
 *
 * @param asked the user as given: on the command line (a new user, id 0, or a known user) or on a users-file line
 *     (the id of the line, which the model may not know)
 * @param profile what the model reads: a user it knows comes with their saved profile plus the given ratings; any
 *     other user is a new user (id 0) with the asked demographics and the given ratings
 * @param given how many ratings were given on the command line or in the ratings file
 */
record AskedUser(User asked, UserProfile profile, int given) {
  AskedUser {
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(profile, "profile");
    if (given < 0 || given > profile.ratings().size()) {
      throw new IllegalArgumentException("given must be 0.." + profile.ratings().size() + " (the profile's ratings),"
          + " got: " + given);
    }
  }

  /** The user asked for, as the model sees them with the given ratings. */
  static AskedUser of(SavedModel saved, User asked, List<RatedMovie> given) {
    boolean known = !asked.isNew() && saved.catalog().users().containsKey(asked.id());
    UserProfile profile = known
        ? withGiven(saved.profile(asked), given)
        : new UserProfile(User.newUser(asked.gender(), asked.age(), asked.occupation()), given);
    return new AskedUser(asked, profile, given.size());
  }

  /**
   * Each user of a users file with their ratings from the ratings file, if any.
   *
   * @param users the users file's users, in file order
   * @param usersFile the users file, for messages
   * @param ratingsFile the ratings file, or null for none
   */
  static List<AskedUser> fromFiles(SavedModel saved, List<User> users, Path usersFile, Path ratingsFile) {
    Map<Integer, List<RatedMovie>> ratings = Map.of();
    if (ratingsFile != null) {
      Set<Integer> ids = new HashSet<>();
      for (User u : users) {
        ids.add(u.id());
      }
      ratings = RatingsFile.read(ratingsFile, saved.catalog(), ids, usersFile);
    }
    List<AskedUser> asked = new ArrayList<>(users.size());
    for (User u : users) {
      asked.add(of(saved, u, ratings.getOrDefault(u.id(), List.of())));
    }
    return asked;
  }

  /** The profile plus the given ratings; a given rating replaces the profile's rating of the same movie. */
  static UserProfile withGiven(UserProfile profile, List<RatedMovie> given) {
    return profile.withRatings(given);
  }

  /** Whether the model sees a new user (the asked id is 0 or one it does not know). */
  boolean isNewToModel() {
    return profile.user().isNew();
  }
}
