package org.policyarchive.theme;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A theme as the interchange format carries one: its names, description, broader theme (by its English name) and
 * place among its siblings, so that an export read back in gives the same vocabulary.
 *
 * @param slug the permanent address; null: made from the name
 * @param parent the English name of the broader theme; null for a broader theme
 */
public record ThemeDraft(
        @Nullable String slug,
        String name,
        @Nullable String nameZh,
        @Nullable String description,
        @Nullable String parent,
        int position)
        implements Serializable {

    /** The draft of a stored theme, as an export writes it. */
    public static ThemeDraft of(Theme theme) {
        return new ThemeDraft(
                theme.getSlug(),
                theme.getName(),
                theme.getNameZh(),
                theme.getDescription(),
                theme.getParent() == null ? null : theme.getParent().getName(),
                theme.getPosition());
    }
}
