package org.policyarchive.oai;

import java.util.Optional;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;

/**
 * The sets: {@code kind} with a set {@code kind:<code>} for each kind ({@code kind:study-session}), and {@code theme}
 * with a set {@code theme:<slug>} for each theme. The colon makes {@code kind} and {@code theme} the parents of their
 * sets, as OAI-PMH reads it: {@code kind} holds every record, {@code theme} every record with a theme. A record belongs
 * to the themes it is tagged with, not to their broader themes.
 */
final class OaiSets {

    static final String KIND = "kind";
    static final String THEME = "theme";

    /** What a setSpec selects. */
    sealed interface Filter {}

    record AnyKind() implements Filter {}

    record OfKind(RecordKind kind) implements Filter {}

    record AnyTheme() implements Filter {}

    record OfTheme(String slug) implements Filter {}

    private OaiSets() {}

    static String kindSpec(RecordKind kind) {
        return KIND + ":" + kind.code();
    }

    static String themeSpec(String themeSlug) {
        return THEME + ":" + themeSlug;
    }

    /** The filter a setSpec names, or empty when it names no set of this archive's kinds of sets. */
    static Optional<Filter> filter(String spec, Kinds kinds) {
        if (spec.equals(KIND)) {
            return Optional.of(new AnyKind());
        }
        if (spec.equals(THEME)) {
            return Optional.of(new AnyTheme());
        }
        if (spec.startsWith(KIND + ":")) {
            return kinds.byCode(spec.substring(KIND.length() + 1)).map(OfKind::new);
        }
        if (spec.startsWith(THEME + ":") && spec.length() > THEME.length() + 1) {
            return Optional.of(new OfTheme(spec.substring(THEME.length() + 1)));
        }
        return Optional.empty();
    }
}
