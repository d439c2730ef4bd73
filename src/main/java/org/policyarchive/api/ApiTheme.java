package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A theme as the API gives it: in the tree of themes, and alone with its broader and narrower themes. */
final class ApiTheme {

    private ApiTheme() {}

    @Schema(name = "ThemeSummary", description = "A theme of the vocabulary.")
    record Summary(
            @Schema(description = "The archive's id of the theme.")
            long id,

            @Schema(description = "The theme's permanent address.", example = "digital-economy")
            String slug,

            @Schema(description = "The theme's English name.", example = "Digital economy")
            String name,

            @Schema(description = "The theme's Chinese name.", example = "数字经济") @Nullable
            String nameZh,

            @Schema(
                    description = "How many published records have the theme (a broader theme counts its narrower"
                            + " themes' records).")
            long records,

            @Schema(description = "Where the theme is.") Links links) {}

    @Schema(name = "ThemeNode", description = "A broader theme with its narrower themes.")
    record Node(
            @Schema(description = "The broader theme.") Summary theme,

            @Schema(description = "Its narrower themes, in the vocabulary's order.")
            List<Summary> narrower) {}

    @Schema(name = "Theme", description = "A theme with its description and its place in the vocabulary.")
    record Detail(
            @Schema(description = "The archive's id of the theme.")
            long id,

            @Schema(description = "The theme's permanent address.", example = "digital-economy")
            String slug,

            @Schema(description = "The theme's English name.", example = "Digital economy")
            String name,

            @Schema(description = "The theme's Chinese name.", example = "数字经济") @Nullable
            String nameZh,

            @Schema(description = "What the theme covers.") @Nullable
            String description,

            @Schema(description = "The broader theme; none for a broader theme itself.") @Nullable
            Summary broader,

            @Schema(description = "The narrower themes; none for a narrower theme.")
            List<Summary> narrower,

            @Schema(description = "How many published records have the theme.")
            long records,

            @Schema(description = "The theme's version, which each change raises.")
            long version,

            @Schema(description = "Where the theme is.") Links links) {}

    @Schema(name = "ThemeLinks", description = "The theme in the API, the theme's page, and the theme's records.")
    record Links(
            @Schema(description = "This theme in the API.") String self,

            @Schema(description = "The theme's page for readers.")
            String html,

            @Schema(description = "The theme's published records in the API.")
            String records) {}
}
