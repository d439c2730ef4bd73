package org.policyarchive.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A record's source as readers see it: the free text an editor or an import gave, cut into pieces, each plain text or
 * a link. A {@code github:owner/repo@commit:path} reference (the shape the imported corpora use) links to that file
 * at that commit on GitHub and reads "owner/repo, path (commit)"; an http or https address links to itself and reads
 * as its host and path; everything else stays text. Only those two kinds of address ever become a link, so a source
 * cannot smuggle in a {@code javascript:} or {@code data:} link.
 */
final class SourceLinks {

    /** A piece of a source: text, and the address it links to, or null for plain text. */
    record Piece(String text, @Nullable String href) {}

    /** Longest path shown for an address before it is cut with an ellipsis; the link keeps the whole address. */
    static final int SHOWN_PATH_MAX = 60;

    private static final Pattern GITHUB = Pattern.compile(
            "github:([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100})@([A-Za-z0-9._-]{1,64}):([^\\s#?]+)(#L\\d+(?:-L\\d+)?)?");

    private static final Pattern WEB = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

    private static final Pattern REFERENCE =
            Pattern.compile(GITHUB.pattern() + "|" + WEB.pattern(), Pattern.CASE_INSENSITIVE);

    private SourceLinks() {}

    /** The pieces of {@code source}, in order; empty for a missing or blank source. */
    static List<Piece> pieces(@Nullable String source) {
        List<Piece> pieces = new ArrayList<>();
        if (source == null || source.isBlank()) {
            return pieces;
        }
        Matcher matcher = REFERENCE.matcher(source);
        int start = 0;
        while (matcher.find()) {
            String found = matcher.group();
            int end = matcher.end();
            Piece link;
            if (found.regionMatches(true, 0, "github:", 0, 7)) {
                String path = matcher.group(3);
                String lines = matcher.group(4);
                if (lines == null) {
                    path = trimTrailingPunctuation(path);
                    end = matcher.start(3) + path.length();
                }
                link = path.isEmpty() ? null : github(matcher.group(1), matcher.group(2), path, lines);
            } else {
                String address = trimTrailingPunctuation(found);
                end = matcher.start() + address.length();
                link = web(address);
            }
            if (link == null) {
                continue;
            }
            text(pieces, source.substring(start, matcher.start()));
            pieces.add(link);
            start = end;
        }
        text(pieces, source.substring(start));
        return pieces;
    }

    private static void text(List<Piece> pieces, String text) {
        if (!text.isEmpty()) {
            pieces.add(new Piece(text, null));
        }
    }

    private static @Nullable Piece github(String repository, String commit, String path, @Nullable String lines) {
        try {
            String href = new URI(
                            "https",
                            "github.com",
                            "/" + repository + "/blob/" + commit + "/" + path,
                            lines == null ? null : lines.substring(1))
                    .toASCIIString();
            String shown = repository + ", " + path + (lines == null ? "" : lines) + " (" + commit + ")";
            return new Piece(shown, href);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** An http or https address as a link that reads as its host and path; null when it is not a usable address. */
    private static @Nullable Piece web(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String path = readable(uri.getRawPath());
        if (path.equals("/")) {
            path = "";
        }
        if (path.length() > SHOWN_PATH_MAX) {
            path = path.substring(0, SHOWN_PATH_MAX - 1) + "…";
        }
        return new Piece(host + path, uri.toASCIIString());
    }

    /** A path with its percent-escapes decoded, so that a Chinese title reads as Chinese; as it was if it cannot be. */
    private static String readable(@Nullable String rawPath) {
        if (rawPath == null) {
            return "";
        }
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /**
     * An address found in running text without the punctuation after it: "(from https://a.org/b)" keeps its closing
     * bracket, "see https://a.org/b." its full stop. A bracket that the address itself opened stays.
     */
    static String trimTrailingPunctuation(String address) {
        String trimmed = address;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            if (".,;:!?'\"".indexOf(last) >= 0) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            } else if (last == ')' && count(trimmed, ')') > count(trimmed, '(')) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            } else {
                break;
            }
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
