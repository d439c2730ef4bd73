package org.policyarchive.theme;

/** A theme was created or saved; {@code renamed} says whether its English or Chinese name changed. */
public record ThemeChanged(long themeId, String slug, String name, boolean created, boolean renamed) {}
