/**
 * Citations of records: a record as a cited work (its authors, date, publisher and place), rendered in GB/T 7714-2015,
 * APA and Chicago from the CSL styles bundled under {@code csl/} by citeproc-java, and written as BibTeX, RIS and
 * CSL-JSON for reference managers (docs/citations.md).
 */
@NullMarked
package org.policyarchive.citation;

import org.jspecify.annotations.NullMarked;
