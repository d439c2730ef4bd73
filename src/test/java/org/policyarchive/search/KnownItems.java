package org.policyarchive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordDraft;

/**
 * Known-item queries drawn from the corpus files (not from the database), each with the record that a reader who
 * typed it is looking for: what a relevance test measures search against. A fixed seed draws the same sets every
 * run, so figures measured before and after a change compare.
 */
final class KnownItems {

    /** A query as a reader types or pastes it, and the index in {@link Corpus#all()} of the record it is after. */
    record KnownItem(String query, int target) {}

    /** What {@link #documentFrequencies} counts as a word: lower-case letters, in the lower-cased text. */
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String CHINESE_PUNCTUATION = "，。、；：？！“”‘’《》（）—…·「」";

    /** Where {@link #copies} cuts sentences. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s*");
    /** A sentence's words to compare it by: English words and Han characters, without punctuation or case. */
    private static final Pattern SENTENCE_WORD = Pattern.compile("[a-z]+|\\p{IsHan}");
    /** How many words a sentence needs to tell a copy of a record: shorter ones are salutations and formulas. */
    private static final int LONG_SENTENCE = 8;

    /** Candidates drawn per item wanted before giving up: most candidates are kept. */
    private static final int ATTEMPTS_PER_ITEM = 50;

    private final List<RecordDraft> corpus;
    /** Each record's title and body, lower-cased, with every run of whitespace one space, between two spaces. */
    private final List<String> normalizedTexts;

    private final Map<String, Integer> documentFrequencies = new HashMap<>();

    /**
     * Records that are mostly a copy of another (a message printed twice, two transcripts of a speech): no query can
     * tell such twins apart, and the index orders their equal scores as it likes, so none is a target.
     */
    private final Set<Integer> copies;

    KnownItems(List<RecordDraft> corpus) {
        this.corpus = corpus;
        this.normalizedTexts = corpus.stream()
                .map(draft -> " " + normalize(draft.title() + " " + draft.body()) + " ")
                .toList();
        for (RecordDraft draft : corpus) {
            words(draft.title() + " " + draft.body()).forEach(word -> documentFrequencies.merge(word, 1, Integer::sum));
        }
        this.copies = copies();
    }

    /**
     * 8 to 12 consecutive words of a paragraph of a US speech, split at whitespace with their punctuation, as a
     * reader pastes them (without quotes); only sequences that no other record holds.
     */
    List<KnownItem> pastedSentences(int count, long seed) {
        return draw(count, seed, this::isEnglish, (random, target) -> {
            String[] words = WHITESPACE.split(randomParagraph(random, target));
            int length = Math.min(8 + random.nextInt(5), words.length);
            if (length < 8) {
                return null;
            }
            int start = random.nextInt(words.length - length + 1);
            String sequence = String.join(" ", List.of(words).subList(start, start + length));
            return isUniqueTo(" " + normalize(sequence) + " ", target) ? sequence : null;
        });
    }

    /**
     * 10 to 20 consecutive characters of a paragraph of a Chinese report, Han characters and Chinese punctuation
     * only, starting with a Han character, as a reader pastes them; only runs that no other record holds.
     */
    List<KnownItem> pastedChinese(int count, long seed) {
        return draw(count, seed, target -> !isEnglish(target), (random, target) -> {
            String paragraph = randomParagraph(random, target);
            int length = 10 + random.nextInt(11);
            if (paragraph.length() < length) {
                return null;
            }
            int start = random.nextInt(paragraph.length() - length + 1);
            String run = paragraph.substring(start, start + length);
            boolean chinese = isHan(run.codePointAt(0))
                    && run.codePoints().allMatch(c -> isHan(c) || CHINESE_PUNCTUATION.indexOf(c) >= 0);
            return chinese && isUniqueTo(run, target) ? run : null;
        });
    }

    /**
     * The family name of a speech's speaker (the last word of the name) and a word of at least 5 letters of its body
     * that at most 5 records hold.
     */
    List<KnownItem> nameAndWord(int count, long seed) {
        IntPredicate spoken =
                target -> isEnglish(target) && !corpus.get(target).people().isEmpty();
        return draw(count, seed, spoken, (random, target) -> {
            String word = randomBodyWord(random, target, 5, 5);
            if (word == null) {
                return null;
            }
            String[] name =
                    WHITESPACE.split(corpus.get(target).people().get(0).name().strip());
            return name[name.length - 1] + " " + word;
        });
    }

    /** One word of at least 6 letters of a speech's body that 1 to 3 records hold. */
    List<KnownItem> rareWord(int count, long seed) {
        return draw(count, seed, this::isEnglish, (random, target) -> randomBodyWord(random, target, 6, 3));
    }

    /**
     * Draws {@code count} distinct queries, each for a target drawn among the eligible records that are no copy of
     * another; {@code query} gives null for a candidate that does not fit.
     */
    private List<KnownItem> draw(
            int count, long seed, IntPredicate eligible, BiFunction<Random, Integer, @Nullable String> query) {
        Random random = new Random(seed);
        int[] targets = IntStream.range(0, corpus.size())
                .filter(target -> eligible.test(target) && !copies.contains(target))
                .toArray();
        Set<String> queries = new LinkedHashSet<>();
        List<KnownItem> items = new ArrayList<>(count);
        for (int attempt = 0; items.size() < count && attempt < count * ATTEMPTS_PER_ITEM; attempt++) {
            int target = targets[random.nextInt(targets.length)];
            String text = query.apply(random, target);
            if (text != null && queries.add(text)) {
                items.add(new KnownItem(text, target));
            }
        }
        if (items.size() < count) {
            throw new IllegalStateException("Drew only " + items.size() + " of " + count + " known items");
        }
        return items;
    }

    /**
     * Whether no record but the target holds the normalised text ({@link #normalize}; between spaces for whole words),
     * so that a pasted passage has one right answer.
     */
    private boolean isUniqueTo(String normalized, int target) {
        return IntStream.range(0, corpus.size())
                .noneMatch(
                        other -> other != target && normalizedTexts.get(other).contains(normalized));
    }

    /** The records of which at least three quarters of the long sentences are in one other record. */
    private Set<Integer> copies() {
        List<Set<String>> sentences = corpus.stream()
                .map(draft -> SENTENCE_END
                        .splitAsStream(draft.body())
                        .map(KnownItems::sentenceWords)
                        .filter(words -> words.size() >= LONG_SENTENCE)
                        .map(words -> String.join(" ", words))
                        .collect(Collectors.toSet()))
                .toList();
        Map<String, List<Integer>> holders = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (String sentence : sentences.get(i)) {
                holders.computeIfAbsent(sentence, key -> new ArrayList<>()).add(i);
            }
        }
        Set<Integer> copies = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String sentence : sentences.get(i)) {
                for (int other : holders.get(sentence)) {
                    if (other != i) {
                        shared.merge(other, 1, Integer::sum);
                    }
                }
            }
            int own = sentences.get(i).size();
            if (shared.values().stream().anyMatch(count -> 4 * count >= 3 * own)) {
                copies.add(i);
            }
        }
        return copies;
    }

    private static List<String> sentenceWords(String sentence) {
        return SENTENCE_WORD
                .matcher(sentence.toLowerCase(Locale.ROOT))
                .results()
                .map(MatchResult::group)
                .toList();
    }

    private String randomParagraph(Random random, int target) {
        String[] paragraphs = PARAGRAPH_BREAK.split(corpus.get(target).body().strip());
        return paragraphs[random.nextInt(paragraphs.length)].strip();
    }

    /** A word of the target's body with at least {@code minLength} letters that at most {@code maxRecords} hold. */
    private @Nullable String randomBodyWord(Random random, int target, int minLength, int maxRecords) {
        List<String> candidates = words(corpus.get(target).body()).stream()
                .filter(word -> word.length() >= minLength && documentFrequencies.get(word) <= maxRecords)
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** The distinct words of a text, sorted, so that a seed draws the same one every run. */
    private static Set<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT))
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean isEnglish(int index) {
        return "en".equals(corpus.get(index).language());
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Lower-cased, every run of whitespace one space. */
    private static String normalize(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
