package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttentionTest {

  @Test
  void logarithmicAttentionIsTheDcgDiscount() {
    Attention log = Attention.logarithmic();

    assertThat(log.at(1)).as("rank 1").isEqualTo(1.0);
    assertThat(log.at(3)).as("rank 3: 1/log2(4)").isCloseTo(0.5, within(1e-15));
    assertThat(log.at(7)).as("rank 7: 1/log2(8)").isCloseTo(1 / 3.0, within(1e-15));
  }

  @Test
  void geometricAttentionFallsByThePatienceAtEachRank() {
    Attention patient = Attention.geometric(0.8);

    assertThat(patient.at(1)).as("rank 1").isEqualTo(1.0);
    assertThat(patient.at(3)).as("rank 3: 0.8²").isCloseTo(0.64, within(1e-15));
    assertThat(patient.ofFullList(2)).as("ranks 1 and 2").isCloseTo(1.8, within(1e-15));
  }

  @Test
  void aModelIsReadBackFromItsName() {
    assertThat(Attention.parse(Attention.logarithmic().name())).as("log")
        .isEqualTo(Attention.logarithmic());
    assertThat(Attention.parse("geometric:0.5")).as("geometric")
        .isEqualTo(Attention.geometric(0.5));
    assertThat(Attention.geometric(0.5).name()).as("name").isEqualTo("geometric:0.5");
  }

  @Test
  void aPatienceOutsideZeroToOneIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> Attention.parse("geometric:1.5")).as("patience 1.5")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geometric:1.5");
    assertThatThrownBy(() -> Attention.parse("dcg")).as("unknown model")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dcg'");
  }
}
