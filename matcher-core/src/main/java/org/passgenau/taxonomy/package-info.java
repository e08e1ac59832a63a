/**
 * Occupation codes and titles: ISCO-08 groups and their closeness ({@link
 * org.passgenau.taxonomy.IscoCode}), labels and job titles in English, German and Dutch, the KldB
 * 2010 mapping, and classification of free job titles ({@link
 * org.passgenau.taxonomy.OccupationTaxonomy}), loaded from the project's TSV file or from ESCO CSV
 * downloads.
 */
package org.passgenau.taxonomy;
