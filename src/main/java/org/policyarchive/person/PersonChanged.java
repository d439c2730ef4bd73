package org.policyarchive.person;

/**
 * A person's authority record was saved. {@code renamed} says whether any of the names changed (the name, the name in
 * the original script, an alias): what the person's records are found by.
 */
public record PersonChanged(long personId, String slug, String name, boolean renamed) {}
