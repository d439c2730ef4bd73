/**
 * Full-text and faceted search over published records: the index mapping, English and Chinese analysis, the query
 * language, facets, highlighting, suggestions and keeping the index in step with PostgreSQL.
 */
@NullMarked
package org.policyarchive.search;

import org.jspecify.annotations.NullMarked;
