/**
 * Uploads of single documents: text extraction, the draft record they propose, the originals kept with their
 * checksums, and the fixity check.
 */
@NullMarked
package org.policyarchive.uploads;

import org.jspecify.annotations.NullMarked;
