/**
 * Export of the archive, or of the records of a search, in the interchange format (JSON Lines or CSV), streamed a
 * batch at a time: from the admin pages, a public endpoint and the command line.
 */
@NullMarked
package org.policyarchive.export;

import org.jspecify.annotations.NullMarked;
