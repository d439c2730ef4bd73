/**
 * OAI-PMH 2.0 at {@code /oai}: the published and withdrawn records as unqualified Dublin Core ({@code oai_dc}), in sets
 * by kind and by theme, for harvesters (docs/oai-pmh.md). Read-only: it reads the record module's entities and never
 * writes.
 */
@NullMarked
package org.policyarchive.oai;

import org.jspecify.annotations.NullMarked;
