/** The theme vocabulary: two levels of themes with English and Chinese names. */
@NullMarked
package org.policyarchive.theme;

import org.jspecify.annotations.NullMarked;
