package org.policyarchive.record.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable diff of two texts made of paragraphs: paragraphs are matched first (longest common subsequence), then
 * a changed paragraph is compared word by word (each Chinese character counts as a word). Texts are returned as
 * data; templates escape them and mark them up with {@code <ins>} and {@code <del>}.
 */
final class TextDiff {

    /** Above this many cells the comparison gives up on alignment and shows a removal and an insertion. */
    private static final long MAX_CELLS = 4_000_000L;

    private static final Pattern TOKEN =
            Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{N}\\p{M}]+|\\s+|.", Pattern.DOTALL);

    enum Kind {
        EQUAL,
        INSERTED,
        DELETED,
        CHANGED
    }

    record Segment(Kind kind, String text) {}

    record Paragraph(Kind kind, List<Segment> segments) {}

    private TextDiff() {}

    static List<Paragraph> paragraphs(List<String> before, List<String> after) {
        List<Paragraph> result = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (Segment step : align(before, after)) {
            switch (step.kind()) {
                case DELETED -> deleted.add(step.text());
                case INSERTED -> inserted.add(step.text());
                default -> {
                    flush(deleted, inserted, result);
                    result.add(new Paragraph(Kind.EQUAL, List.of(step)));
                }
            }
        }
        flush(deleted, inserted, result);
        return result;
    }

    static boolean hasChanges(List<Paragraph> paragraphs) {
        return paragraphs.stream().anyMatch(paragraph -> paragraph.kind() != Kind.EQUAL);
    }

    /** Removed and added paragraphs between two unchanged ones are paired up and compared word by word. */
    private static void flush(List<String> deleted, List<String> inserted, List<Paragraph> result) {
        int paired = Math.min(deleted.size(), inserted.size());
        for (int i = 0; i < paired; i++) {
            result.add(new Paragraph(Kind.CHANGED, words(deleted.get(i), inserted.get(i))));
        }
        for (String text : deleted.subList(paired, deleted.size())) {
            result.add(new Paragraph(Kind.DELETED, List.of(new Segment(Kind.DELETED, text))));
        }
        for (String text : inserted.subList(paired, inserted.size())) {
            result.add(new Paragraph(Kind.INSERTED, List.of(new Segment(Kind.INSERTED, text))));
        }
        deleted.clear();
        inserted.clear();
    }

    /**
     * The word-level changes in a paragraph. A space kept between two changed words joins the change, so that a
     * rewritten phrase reads as one removal and one insertion rather than a patchwork.
     */
    static List<Segment> words(String before, String after) {
        List<Segment> steps = align(tokens(before), tokens(after));
        List<Segment> merged = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Segment step = steps.get(i);
            switch (step.kind()) {
                case DELETED -> deleted.append(step.text());
                case INSERTED -> inserted.append(step.text());
                default -> {
                    boolean inChange = deleted.length() > 0 || inserted.length() > 0;
                    boolean changeFollows =
                            i + 1 < steps.size() && steps.get(i + 1).kind() != Kind.EQUAL;
                    if (inChange && changeFollows && step.text().isBlank()) {
                        if (deleted.length() > 0) {
                            deleted.append(step.text());
                        }
                        inserted.append(step.text());
                    } else {
                        flushWords(deleted, inserted, merged);
                        append(merged, step);
                    }
                }
            }
        }
        flushWords(deleted, inserted, merged);
        return merged;
    }

    private static void flushWords(StringBuilder deleted, StringBuilder inserted, List<Segment> merged) {
        if (deleted.length() > 0) {
            append(merged, new Segment(Kind.DELETED, deleted.toString()));
        }
        if (inserted.length() > 0) {
            append(merged, new Segment(Kind.INSERTED, inserted.toString()));
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static void append(List<Segment> merged, Segment segment) {
        Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && last.kind() == segment.kind()) {
            merged.set(merged.size() - 1, new Segment(last.kind(), last.text() + segment.text()));
        } else {
            merged.add(segment);
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The steps that turn {@code a} into {@code b}: kept, removed and added items, in order. */
    private static List<Segment> align(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> x = a.subList(prefix, a.size() - suffix);
        List<String> y = b.subList(prefix, b.size() - suffix);
        List<Segment> steps = new ArrayList<>();
        a.subList(0, prefix).forEach(item -> steps.add(new Segment(Kind.EQUAL, item)));
        if ((long) (x.size() + 1) * (y.size() + 1) > MAX_CELLS) {
            x.forEach(item -> steps.add(new Segment(Kind.DELETED, item)));
            y.forEach(item -> steps.add(new Segment(Kind.INSERTED, item)));
        } else {
            steps.addAll(lcs(x, y));
        }
        a.subList(a.size() - suffix, a.size()).forEach(item -> steps.add(new Segment(Kind.EQUAL, item)));
        return steps;
    }

    private static List<Segment> lcs(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int[][] length = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                length[i][j] = x.get(i).equals(y.get(j))
                        ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        List<Segment> steps = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (x.get(i).equals(y.get(j))) {
                steps.add(new Segment(Kind.EQUAL, x.get(i)));
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                steps.add(new Segment(Kind.DELETED, x.get(i++)));
            } else {
                steps.add(new Segment(Kind.INSERTED, y.get(j++)));
            }
        }
        while (i < n) {
            steps.add(new Segment(Kind.DELETED, x.get(i++)));
        }
        while (j < m) {
            steps.add(new Segment(Kind.INSERTED, y.get(j++)));
        }
        return steps;
    }
}
