package org.policyarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a share of the real corpus ({@code ../shared/corpus/}) through the module facades, once per test run: every
 * Chinese government work report and every {@value #US_STRIDE}th US presidential speech (plus the speeches that the
 * relevance tests name). The records carry no source, so that the bulk import's duplicate check (same title and
 * source) never mistakes them for its own lines when both run against the same database.
 */
final class Corpus {

    static final Path DIRECTORY = Path.of("../shared/corpus");
    static final int US_STRIDE = 8;

    private static boolean loaded;
    private static final List<JsonNode> LOADED_US = new ArrayList<>();

    private Corpus() {}

    static synchronized void load(
            RecordCatalog catalog, PersonDirectory people, ThemeVocabulary themes, TransactionTemplate tx) {
        if (loaded) {
            return;
        }
        ObjectMapper json = JsonMapper.builder().build();
        List<JsonNode> rows = new ArrayList<>();
        List<String> us = lines("us-presidential-speeches.jsonl");
        for (int i = 0; i < us.size(); i++) {
            JsonNode row = json.readTree(us.get(i));
            if (i % US_STRIDE == 0 || row.path("title").asString().contains("Farewell")) {
                rows.add(row);
                LOADED_US.add(row);
            }
        }
        for (String line : lines("zh-government-work-reports.jsonl")) {
            rows.add(json.readTree(line));
        }
        for (int from = 0; from < rows.size(); from += 50) {
            List<JsonNode> batch = rows.subList(from, Math.min(rows.size(), from + 50));
            tx.executeWithoutResult(status -> batch.forEach(row -> catalog.save(record(row, catalog, people, themes))));
        }
        loaded = true;
    }

    static List<JsonNode> loadedUsSpeeches() {
        return LOADED_US;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(DIRECTORY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Record record(JsonNode row, RecordCatalog catalog, PersonDirectory people, ThemeVocabulary themes) {
        String title = row.path("title").asString();
        Record record = new Record(
                catalog.uniqueSlug(title),
                title,
                RecordKind.fromLabel(row.path("kind").asString()).orElse(RecordKind.SPEECH),
                row.path("language").asString("en"),
                row.path("body").asString());
        if (row.hasNonNull("date")) {
            record.setDate(LocalDate.parse(row.path("date").asString()), DatePrecision.DAY);
        }
        record.setStatus(RecordStatus.PUBLISHED);
        for (JsonNode speaker : row.path("speakers")) {
            record.addParticipation(
                    people.findOrCreate(speaker.path("name").asString()),
                    Role.fromInterchange(speaker.path("role").asString("spoke")),
                    null);
        }
        for (JsonNode theme : row.path("themes")) {
            record.getThemes().add(themes.findOrCreate(theme.asString()));
        }
        return record;
    }
}
