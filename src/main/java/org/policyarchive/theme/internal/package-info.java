/** The theme module's storage. */
@NullMarked
package org.policyarchive.theme.internal;

import org.jspecify.annotations.NullMarked;
