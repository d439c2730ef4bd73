/** Users, roles, login and the web security rules. */
@NullMarked
package org.policyarchive.account;

import org.jspecify.annotations.NullMarked;
