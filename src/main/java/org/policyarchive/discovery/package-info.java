/**
 * What lets machines find and follow the archive: Atom feeds of new and changed records (all, by person, theme, kind
 * or any search), the sitemaps and robots.txt.
 */
@NullMarked
package org.policyarchive.discovery;

import org.jspecify.annotations.NullMarked;
