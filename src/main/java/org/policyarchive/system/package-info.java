/** Cross-cutting infrastructure: the embedded database, error pages, layout and shared web helpers. */
@NullMarked
package org.policyarchive.system;

import org.jspecify.annotations.NullMarked;
