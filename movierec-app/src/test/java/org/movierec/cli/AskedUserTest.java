package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.SavedModel;
import org.movierec.model.TestModels;

class AskedUserTest {
  private static final User NEW = User.newUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER);
  private final SavedModel saved = TestModels.savedModel(3);

  @Test
  void given_ratings_are_added_to_a_profile_and_replace_its_rating_of_the_same_movie() {
    UserProfile savedProfile = new UserProfile(new User(3, Gender.M, AgeGroup.FROM_18_TO_24, Occupation.WRITER, ""),
        List.of(new RatedMovie(1, 5), new RatedMovie(2, 3), new RatedMovie(10, 1)));
    UserProfile merged = AskedUser.withGiven(savedProfile, List.of(new RatedMovie(2, 1), new RatedMovie(7, 4)));
    assertThat(merged.user()).isEqualTo(savedProfile.user());
    assertThat(merged.ratings()).containsExactly(new RatedMovie(1, 5), new RatedMovie(10, 1), new RatedMovie(2, 1),
        new RatedMovie(7, 4));
    assertThat(AskedUser.withGiven(savedProfile, List.of())).isSameAs(savedProfile);
  }

  @Test
  void a_new_user_is_described_by_demographics_and_the_given_ratings() {
    AskedUser asked = AskedUser.of(saved, NEW, List.of(new RatedMovie(5, 4)));
    assertThat(asked.profile()).isEqualTo(new UserProfile(NEW, List.of(new RatedMovie(5, 4))));
    assertThat(asked.given()).isEqualTo(1);
    assertThat(asked.isNewToModel()).isTrue();
  }

  @Test
  void an_id_the_model_does_not_know_is_a_new_user_with_the_demographics_of_its_line() {
    User stranger = new User(999, Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER, "02139");
    AskedUser asked = AskedUser.of(saved, stranger, List.of(new RatedMovie(5, 4), new RatedMovie(7, 2)));
    assertThat(asked.asked()).isSameAs(stranger);
    assertThat(asked.profile()).isEqualTo(new UserProfile(NEW, List.of(new RatedMovie(5, 4), new RatedMovie(7, 2))));
    assertThat(asked.isNewToModel()).isTrue();
  }

  @Test
  void a_known_user_keeps_the_id_and_gets_the_saved_profile_plus_the_given_ratings() {
    User known = saved.catalog().users().get(3);
    AskedUser asked = AskedUser.of(saved, known, List.of(new RatedMovie(5, 4)));
    assertThat(asked.profile()).isEqualTo(AskedUser.withGiven(saved.profile(known), List.of(new RatedMovie(5, 4))));
    assertThat(asked.profile().user()).isEqualTo(known);
    assertThat(asked.isNewToModel()).isFalse();
    assertThat(AskedUser.of(saved, known, List.of()).given()).isZero();
  }

  @Test
  void refuses_more_given_ratings_than_the_profile_holds() {
    assertThatThrownBy(() -> new AskedUser(NEW, UserProfile.of(NEW), 1))
        .hasMessage("given must be 0..0 (the profile's ratings), got: 1");
  }
}
