/** The person module's storage. */
@NullMarked
package org.policyarchive.person.internal;

import org.jspecify.annotations.NullMarked;
