/** Getting records into the archive and keeping them right: admin forms, uploads, bulk import, revisions. */
@NullMarked
package org.policyarchive.ingest;

import org.jspecify.annotations.NullMarked;
