package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IscoCodeTest {

  @ParameterizedTest(name = "{0} and {1} share {2} levels")
  @CsvSource({
    "5321, 5321, 4",
    "2221, 2222, 3",
    "2221, 2211, 2",
    "2221, 2512, 1",
    "2221, 3221, 0",
    "2221, 222, 3",
    "5, 5321, 1",
    "0110, 0, 1",
  })
  void closenessFollowsTheHierarchy(String a, String b, int shared) {
    assertThat(IscoCode.sharedLevels(a, b))
        .as("%s and %s share %s levels", a, b, shared)
        .isEqualTo(shared);
  }

  @net.jqwik.api.Property(tries = 2000)
  void encodedCodesShareWhatTheirDigitsShare(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.NumericChars
          @net.jqwik.api.constraints.StringLength(min = 1, max = 4) String a,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.NumericChars
          @net.jqwik.api.constraints.StringLength(min = 1, max = 4) String b) {
    assertThat(IscoCode.sharedLevels(IscoCode.encode(a), IscoCode.encode(b)))
        .as("%s and %s", a, b)
        .isEqualTo(IscoCode.sharedLevels(a, b));
  }

  @Test
  void anUnknownOccupationSharesNothing() {
    assertThat(IscoCode.sharedLevels(null, "5321")).as("null is unknown").isZero();
    assertThat(IscoCode.sharedLevels(IscoCode.NONE, IscoCode.encode("5321")))
        .as("NONE is unknown")
        .isZero();
  }

  @Test
  void aNurseAndACareHelperAreFurtherApartThanTwoKindsOfNurse() {
    assertThat(IscoCode.sharedLevels("2221", "3221"))
        .as("professional and associate nurses sit in different major groups")
        .isLessThan(IscoCode.sharedLevels("2221", "2222"));
  }

  @Test
  void aUnitGroupHasItsMinorGroupAsParent() {
    IscoCode welder = IscoCode.of("7212");

    assertThat(welder.level()).as("4 digits: unit group").isEqualTo(4);
    assertThat(welder.isUnitGroup()).as("4 digits: unit group").isTrue();
    assertThat(welder.parent()).as("minor group").contains(IscoCode.of("721"));
    assertThat(IscoCode.of("7").parent()).as("a major group has no parent").isEmpty();
    assertThat(IscoCode.of("72").contains(welder)).as("sub-major group contains it").isTrue();
  }

  @Test
  void aMalformedCodeIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> IscoCode.of("53210"))
        .as("five digits are KldB, not ISCO")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'53210'");
    assertThatThrownBy(() -> IscoCode.encode("53a"))
        .as("letters are no ISCO digits")
        .hasMessageContaining("'53a'");
  }

  @Test
  void noneDecodesToNoCode() {
    assertThat(IscoCode.encode(null)).as("null encodes to NONE").isEqualTo(IscoCode.NONE);
    assertThat(IscoCode.decode(IscoCode.NONE)).as("NONE decodes to nothing").isEmpty();
  }

  @Test
  void leadingZerosSurviveEncoding() {
    assertThat(IscoCode.encode("0")).as("0 and 01 differ").isNotEqualTo(IscoCode.encode("01"));
    assertThat(IscoCode.decode(IscoCode.encode("0110"))).as("round trip").contains("0110");
  }

  @Property
  void encodingRoundTrips(@ForAll("codes") String code) {
    assertThat(IscoCode.decode(IscoCode.encode(code))).as("decode(encode(c)) == c").contains(code);
  }

  @Property
  void encodedClosenessEqualsClosenessOfTheCodes(
      @ForAll("codes") String a, @ForAll("codes") String b) {
    assertThat(IscoCode.sharedLevels(IscoCode.encode(a), IscoCode.encode(b)))
        .as("closeness of %s and %s on encoded values", a, b)
        .isEqualTo(IscoCode.sharedLevels(a, b));
  }

  @Property
  void closenessIsSymmetric(@ForAll("codes") String a, @ForAll("codes") String b) {
    assertThat(IscoCode.sharedLevels(a, b)).as("symmetric").isEqualTo(IscoCode.sharedLevels(b, a));
  }

  @Provide
  Arbitrary<String> codes() {
    // Few digits make shared prefixes common enough to test every level.
    return Arbitraries.strings().withChars('0', '1', '2', '9').ofMinLength(1).ofMaxLength(4);
  }
}
