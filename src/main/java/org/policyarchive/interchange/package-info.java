/** The archive's interchange format (JSON Lines and CSV, DESIGN.md §5): the one reader and the one writer of its files. */
@NullMarked
package org.policyarchive.interchange;

import org.jspecify.annotations.NullMarked;
