/** Person authority records: names, native-script names, aliases and offices held. */
@NullMarked
package org.policyarchive.person;

import org.jspecify.annotations.NullMarked;
