package org.movierec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void gives_known_ids_rows_from_1_in_ascending_order_and_unknown_ids_row_0() {
    IdIndex index = IdIndex.of(new int[] {30, 10, 20, 10});

    assertThat(index.ids()).containsExactly(10, 20, 30);
    assertThat(index.row(10)).isEqualTo(1);
    assertThat(index.row(20)).isEqualTo(2);
    assertThat(index.row(30)).isEqualTo(3);
    assertThat(index.row(15)).isZero();
    assertThat(index.row(-1)).isZero();
    assertThat(index.row(1_000_000)).isZero();
    assertThat(index.id(1)).isEqualTo(10);
    assertThat(index.id(3)).isEqualTo(30);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.rows()).isEqualTo(4);
    assertThat(index.contains(20)).isTrue();
    assertThat(index.contains(21)).isFalse();
  }

  @Test
  void maps_sparse_and_negative_ids_the_same_way() {
    IdIndex index = IdIndex.of(new int[] {2_000_000_000, -7, 5});

    assertThat(index.ids()).containsExactly(-7, 5, 2_000_000_000);
    assertThat(index.row(-7)).isEqualTo(1);
    assertThat(index.row(5)).isEqualTo(2);
    assertThat(index.row(2_000_000_000)).isEqualTo(3);
    assertThat(index.row(6)).isZero();
    assertThat(index.id(3)).isEqualTo(2_000_000_000);
  }

  @Test
  void round_trips_every_id_through_its_row() {
    int[] ids = new int[500];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i * 7919) % 3_952 + 1;
    }
    IdIndex index = IdIndex.of(ids);

    for (int row = 1; row < index.rows(); row++) {
      assertThat(index.row(index.id(row))).isEqualTo(row);
    }
    for (int id : ids) {
      assertThat(index.id(index.row(id))).isEqualTo(id);
    }
  }

  @Test
  void has_only_the_unknown_row_when_empty() {
    IdIndex index = IdIndex.of(new int[0]);

    assertThat(index.size()).isZero();
    assertThat(index.rows()).isEqualTo(1);
    assertThat(index.row(1)).isZero();
  }

  @Test
  void refuses_the_reserved_row_and_rows_past_the_end() {
    IdIndex index = IdIndex.of(new int[] {4, 8});

    assertThatThrownBy(() -> index.id(0))
        .hasMessage("row must be 1..2 (row 0 is reserved for unknown ids), got: 0");
    assertThatThrownBy(() -> index.id(3))
        .hasMessage("row must be 1..2 (row 0 is reserved for unknown ids), got: 3");
  }

  @Test
  void is_equal_for_equal_id_sets_and_does_not_share_arrays() {
    int[] ids = {3, 1, 2};
    IdIndex index = IdIndex.of(ids);
    ids[0] = 99;
    index.ids()[0] = 99;

    assertThat(index).isEqualTo(IdIndex.of(new int[] {1, 2, 3, 3}));
    assertThat(index.ids()).containsExactly(1, 2, 3);
  }
}
