package org.policyarchive.system;

import org.jspecify.annotations.Nullable;

/**
 * The Atom feed of a page, which the layout links with {@code <link rel="alternate" type="application/atom+xml">}
 * when a controller puts one in the model under {@link #MODEL_ATTRIBUTE}: its path (with the page's filters) and the
 * message key of its title with the title's one argument.
 */
public record FeedLink(
        String path, String titleKey, @Nullable Object titleArgument) {

    public static final String MODEL_ATTRIBUTE = "feedLink";
}
