package org.policyarchive.citation;

/**
 * A record cited in one style.
 *
 * @param html the citation as safe HTML, its only markup {@code <i>} and {@code <b>} (titles in italics)
 * @param text the same citation as plain text, as the copy button copies it
 */
public record Citation(CitationStyle style, String html, String text) {}
