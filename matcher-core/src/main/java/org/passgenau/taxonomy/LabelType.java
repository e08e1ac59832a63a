package org.passgenau.taxonomy;

/** What kind of label of an occupation a title is, as ESCO sorts them. */
public enum LabelType {
  /** The occupation's name. */
  PREFERRED,
  /** Another name in use. */
  ALTERNATIVE,
  /** A search term or a common misspelling, never shown. */
  HIDDEN
}
