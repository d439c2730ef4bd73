package org.policyarchive.system;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Stable, readable permalinks: lower-case letters and digits joined by hyphens; Chinese names stay in Chinese. */
public final class Slugs {

    public static final int MAX_LENGTH = 120;

    private static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");

    private Slugs() {}

    /** {@code "Chen Chun"} gives {@code chen-chun}, {@code "Zoë’s Speech"} gives {@code zoes-speech}. */
    public static String slugify(String text) {
        String slug = clean(text);
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /**
     * Whether {@code text} is written as a slug: lower-case letters and digits joined by single hyphens, of any
     * length, since a slug given by an editor or an import may be longer than one made from a title. A given slug may
     * keep accents ({@code café-2023}), as imports have always accepted; {@link #slugify} drops them.
     */
    public static boolean isSlug(String text) {
        return SHAPE.matcher(text).matches() && text.equals(text.toLowerCase(Locale.ROOT));
    }

    private static String clean(String text) {
        String withoutMarks = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("['’]", "");
        return withoutMarks
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /**
     * The slug of {@code text}, with {@code -2}, {@code -3} ... appended when it is taken. {@code takenForms} gives,
     * for a slug, the slugs in use that are that slug or its numbered forms (it may give more, such as every slug that
     * starts with it and a hyphen: see {@link #numberedLike}), so that one query finds a free slug however many of
     * its forms are taken.
     */
    public static String unique(String text, Function<String, Collection<String>> takenForms) {
        String base = slugify(text);
        Set<String> taken = new HashSet<>(takenForms.apply(base));
        return firstFree(base, taken::contains);
    }

    /** {@code base} when it is not taken, else the first of {@code base-2}, {@code base-3} ... that is not. */
    public static String firstFree(String base, Predicate<String> taken) {
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** An SQL {@code LIKE} pattern that matches the numbered forms of {@code base} ({@code base-2} ...), among others. */
    public static String numberedLike(String base) {
        return LikePatterns.startingWith(base + "-");
    }
}
