package org.policyarchive.account;

/** What a signed-in person may do: editors look after records, people and themes; admins also users and imports. */
public enum AccountRole {
    EDITOR,
    ADMIN
}
