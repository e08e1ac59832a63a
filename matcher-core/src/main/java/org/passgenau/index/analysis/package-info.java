/**
 * Text analysis for opportunity titles, skills and descriptions in German, Dutch and English:
 * gender markers and suffixes, compounds, umlauts and plurals. {@link
 * org.passgenau.index.analysis.OpportunityAnalyzer} is the entry point; {@link
 * org.passgenau.index.analysis.Terms} turns text into the terms an index holds.
 */
package org.passgenau.index.analysis;
