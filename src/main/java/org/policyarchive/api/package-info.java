/**
 * The JSON API under {@code /api}: records (in the interchange format's fields), people and themes for anyone; creating,
 * changing and withdrawing records and bulk imports for editors and admins with an API token (the tokens live in
 * {@code account}); problem details for every error, rate limits, CORS for public reads, and the OpenAPI document.
 * It reads through the search, record, person and theme facades and writes only through {@code record.RecordEditor}
 * and the imports' job service.
 */
@NullMarked
package org.policyarchive.api;

import org.jspecify.annotations.NullMarked;
