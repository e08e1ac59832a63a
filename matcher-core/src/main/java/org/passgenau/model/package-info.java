/**
 * Immutable values of the data contract: opportunities, profiles and their parts. Constructors
 * validate and name the bad field and value; optional fields are null when absent ("unknown, no
 * constraint"), lists are empty, never null. This package depends on neither Lucene nor JSON.
 */
package org.passgenau.model;
