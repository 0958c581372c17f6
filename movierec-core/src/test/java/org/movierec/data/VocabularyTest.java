package org.movierec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void numbers_known_words_from_2_in_sorted_order() {
    Vocabulary vocabulary = Vocabulary.of(List.of("the", "city", "lost", "the"));

    assertThat(vocabulary.words()).containsExactly("city", "lost", "the");
    assertThat(vocabulary.index("city")).isEqualTo(2);
    assertThat(vocabulary.index("lost")).isEqualTo(3);
    assertThat(vocabulary.index("the")).isEqualTo(4);
    assertThat(vocabulary.size()).isEqualTo(5);
    assertThat(vocabulary.word(4)).isEqualTo("the");
  }

  @Test
  void keeps_0_for_padding_and_1_for_unknown_words() {
    Vocabulary vocabulary = Vocabulary.of(List.of("toy", "story"));

    assertThat(vocabulary.index("jumanji")).isEqualTo(Vocabulary.UNKNOWN).isEqualTo(1);
    assertThat(Vocabulary.PADDING).isZero();
    assertThat(vocabulary.word(0)).isEqualTo("<pad>");
    assertThat(vocabulary.word(1)).isEqualTo("<unk>");
  }

  @Test
  void is_the_same_whatever_the_order_of_the_words() {
    Vocabulary a = Vocabulary.of(List.of("b", "c", "a"));
    Vocabulary b = Vocabulary.of(Set.of("a", "b", "c"));

    assertThat(a).isEqualTo(b);
    assertThat(a.words()).isEqualTo(b.words());
    assertThat(Vocabulary.of(a.words())).isEqualTo(a);
  }

  @Test
  void refuses_indexes_past_the_end_and_null_words() {
    Vocabulary vocabulary = Vocabulary.of(List.of("one"));

    assertThatThrownBy(() -> vocabulary.word(3)).hasMessage("index must be 0..2, got: 3");
    assertThatThrownBy(() -> vocabulary.word(-1)).hasMessage("index must be 0..2, got: -1");
    assertThatThrownBy(() -> Vocabulary.of(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
  }

  @Test
  void an_empty_vocabulary_has_only_the_reserved_indexes() {
    Vocabulary vocabulary = Vocabulary.of(List.of());

    assertThat(vocabulary.size()).isEqualTo(2);
    assertThat(vocabulary.index("")).isEqualTo(Vocabulary.UNKNOWN);
  }
}
