/** The public reading pages: home, the list of records with its filters, a record, people and themes. */
@NullMarked
package org.policyarchive.catalogue;

import org.jspecify.annotations.NullMarked;
