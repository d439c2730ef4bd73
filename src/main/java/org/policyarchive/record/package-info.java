/** The Record aggregate: records with their people, themes and notes, the rules every way in shares, the one write
 * API with its events, the history of revisions, and the admin pages. */
@NullMarked
package org.policyarchive.record;

import org.jspecify.annotations.NullMarked;
