/** The record module's history: revisions, snapshots and their comparison. */
@NullMarked
package org.policyarchive.record.internal;

import org.jspecify.annotations.NullMarked;
