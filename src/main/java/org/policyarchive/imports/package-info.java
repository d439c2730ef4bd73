/**
 * Bulk imports of interchange files: jobs in the background with progress and a report of rejected lines, the admin
 * pages and the command line.
 */
@NullMarked
package org.policyarchive.imports;

import org.jspecify.annotations.NullMarked;
