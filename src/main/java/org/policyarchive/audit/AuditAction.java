package org.policyarchive.audit;

/**
 * Every action the audit log records: the one list, so that an action is never spelled two ways, and the log's
 * filter can offer them. Stored by name.
 */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    USER_CREATED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    RECORD_CREATED,
    RECORD_UPDATED,
    RECORD_RESTORED,
    RECORD_PUBLISHED,
    RECORD_DRAFT,
    RECORD_WITHDRAWN,
    RECORD_REINSTATED,
    RECORD_DELETED,
    PERSON_UPDATED,
    PERSON_MERGED,
    THEME_CREATED,
    THEME_UPDATED,
    KIND_CREATED,
    KIND_UPDATED,
    IMPORT_STARTED,
    IMPORT_CANCEL_REQUESTED,
    IMPORT_FINISHED,
    IMPORT_INTERRUPTED,
    IMPORT_RESUMED,
    IMPORT_DISCARDED,
    FILE_UPLOADED,
    FIXITY_CHECKED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    /** A write through the JSON API with a token: which token, and what it asked for. */
    API_TOKEN_USED
}
