/** The Record aggregate: records with their participations, themes and editorial notes, and the public pages. */
@NullMarked
package org.policyarchive.record;

import org.jspecify.annotations.NullMarked;
