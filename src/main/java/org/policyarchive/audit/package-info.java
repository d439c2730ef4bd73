/**
 * The audit log: who did what to which object, when and from where. Any module writes to it through
 * {@link org.policyarchive.audit.AuditLog}; admins read it at {@code /admin/audit}.
 */
@NullMarked
package org.policyarchive.audit;

import org.jspecify.annotations.NullMarked;
