package org.policyarchive.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.KindDraft;
import org.policyarchive.record.KindEditor;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.policyarchive.system.ControlCharacters;
import org.policyarchive.system.InputRejectedException;
import org.springframework.http.HttpStatus;

/**
 * What an import does with a kind the archive does not know: reads it as the known kind the admin mapped it to ("party
 * congress report → report"), or adds it to the vocabulary when the admin asked for that; otherwise its line is
 * rejected, with the kinds there are. Kept with the job ({@code import_job.kind_mappings}, {@code create_kinds}), so
 * that a resumed import reads its file the same way.
 */
public record ImportKinds(Map<String, RecordKind> mappings, boolean create) {

    static final ImportKinds NONE = new ImportKinds(Map.of(), false);

    /** The most mappings one import takes, and the longest of them. */
    static final int MAX_MAPPINGS = 200;

    static final int MAX_LINE = 300;

    private static final Pattern MAPPING = Pattern.compile("(.+?)\\s*(?:→|->|=)\\s*(.+)");

    /** Between two mappings: a line break, or a semicolon, which a command line or a query string can carry. */
    private static final Pattern SEPARATOR = Pattern.compile("\\R|;");

    /**
     * The mappings as the import form, the command line and the API take them, one a line or separated by semicolons
     * ({@code spelling → known kind}, or with {@code ->} or {@code =}), the known kind named by any of its spellings.
     *
     * @throws InputRejectedException (400, back to the form) naming the first mapping that cannot be read
     */
    public static ImportKinds read(@Nullable String text, boolean create, Kinds kinds) {
        Map<String, RecordKind> mappings = new LinkedHashMap<>();
        List<String> lines = text == null ? List.of() : List.of(SEPARATOR.split(text, -1));
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE || ControlCharacters.inLine(line)) {
                throw rejected("import.kinds.mapping.line", number);
            }
            Matcher parts = MAPPING.matcher(line.strip());
            if (!parts.matches()) {
                throw rejected("import.kinds.mapping.syntax", number, line.strip());
            }
            String spelling = parts.group(1).strip();
            String target = parts.group(2).strip();
            if (kinds.find(spelling).isPresent()) {
                throw rejected("import.kinds.mapping.known", number, spelling);
            }
            int lineNumber = number;
            RecordKind kind = kinds.find(target)
                    .orElseThrow(() -> rejected(
                            "import.kinds.mapping.target", lineNumber, target, String.join(", ", kinds.labels())));
            mappings.put(Kinds.key(spelling), kind);
            if (mappings.size() > MAX_MAPPINGS) {
                throw rejected("import.kinds.mapping.many", MAX_MAPPINGS);
            }
        }
        return new ImportKinds(mappings, create);
    }

    /**
     * How the import's file finds its kinds: the vocabulary, then the mappings, then (if asked) a new kind, added for
     * {@code username}. A kind line ({@code "type": "kind"}, as exports write them) adds its kind in any case.
     */
    KindLookup lookup(Kinds kinds, KindEditor editor, String username) {
        return new KindLookup() {
            @Override
            public Optional<RecordKind> find(String spelling) {
                Optional<RecordKind> known = kinds.find(spelling);
                if (known.isPresent()) {
                    return known;
                }
                RecordKind mapped = mappings.get(Kinds.key(spelling));
                if (mapped != null) {
                    return Optional.of(mapped);
                }
                return create ? editor.createForImport(spelling, username) : Optional.empty();
            }

            @Override
            public List<String> labels() {
                return kinds.labels();
            }

            @Override
            public String label(RecordKind kind) {
                return kinds.label(kind);
            }

            @Override
            public Optional<RecordKind> define(KindDraft kind) {
                return editor.define(kind, username);
            }
        };
    }

    private static InputRejectedException rejected(String key, Object... arguments) {
        return new InputRejectedException(HttpStatus.BAD_REQUEST, ImportAdminController.PATH, key, arguments);
    }
}
