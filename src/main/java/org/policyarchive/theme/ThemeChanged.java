package org.policyarchive.theme;

/**
 * A theme was created or saved: {@code renamed} when its English or Chinese name changed, {@code moved} when its
 * broader theme did.
 */
public record ThemeChanged(long themeId, String slug, String name, boolean created, boolean renamed, boolean moved) {}
