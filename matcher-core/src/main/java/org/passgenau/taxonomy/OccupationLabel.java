package org.passgenau.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One title of an occupation in one language, as a taxonomy such as ESCO gives it: what title
 * classification learns from.
 *
 * @param language ISO 639-1 code, such as {@code de}
 * @param text the title, such as {@code Lagerarbeiter/Lagerarbeiterin}
 * @param isco the ISCO-08 unit group of the occupation, four digits
 * @param type preferred, alternative or hidden
 * @param occupation the occupation the title names (an ESCO URI or code), which groups its
 *     labels; never null, the title itself when nothing better is known
 */
public record OccupationLabel(
    String language, String text, String isco, LabelType type, String occupation) {

  public OccupationLabel {
    checkNotNull(language, "language");
    checkNotNull(text, "text");
    checkArgument(!text.isBlank(), "text must not be blank");
    checkArgument(isco != null && isco.length() == 4 && IscoCode.isValid(isco),
        "isco must be a unit group of 4 digits, was '%s'", isco);
    checkNotNull(type, "type");
    checkNotNull(occupation, "occupation");
  }
}
