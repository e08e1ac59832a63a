/**
 * Passgenau's matching library: the model and exchange format, the occupation taxonomy, the
 * rules and {@link org.passgenau.rank.MatchingEngine}. Exports the API packages only; the Lucene
 * index and its text analysis ({@code org.passgenau.index}, {@code org.passgenau.index.analysis})
 * stay inside the module.
 */
module org.passgenau.core {
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.google.common;
  requires com.github.benmanes.caffeine;
  requires org.apache.commons.text;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;

  exports org.passgenau.model;
  exports org.passgenau.io;
  exports org.passgenau.taxonomy;
  exports org.passgenau.rank;
  exports org.passgenau.rank.spi;
  exports org.passgenau.output;
  exports org.passgenau.assign;

  // Jackson reads and writes the model's records and the results by reflection.
  opens org.passgenau.model to com.fasterxml.jackson.databind;
  opens org.passgenau.rank to com.fasterxml.jackson.databind;
  opens org.passgenau.output to com.fasterxml.jackson.databind;
  opens org.passgenau.io to com.fasterxml.jackson.databind;

  // Tests only: the README example test compiles Java.
  requires static java.compiler;

  uses org.passgenau.rank.spi.CustomRule;
}
