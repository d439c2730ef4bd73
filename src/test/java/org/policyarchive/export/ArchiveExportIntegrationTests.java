package org.policyarchive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports from the three ways in (the public endpoint for a search, the admin page, the command line), what each holds
 * and leaves out, the errors a bad request gets before anything is written, and that an export holds one batch of
 * records in the persistence context however many it writes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ArchiveExportIntegrationTests {

    static final RequestPostProcessor EDITOR = user("export-editor").roles("EDITOR");

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";

    @Autowired
    ArchiveExport export;

    @Autowired
    ExportCommand command;

    @Autowired
    RecordEditor editor;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @AfterEach
    void defaultBatches() {
        export.setBatchSize(ArchiveExport.DEFAULT_BATCH_SIZE);
        export.observeBatches(null);
    }

    @Test
    void holdsOneBatchOfRecordsInThePersistenceContextHoweverManyItWrites() throws IOException {
        int records = 600;
        int batch = 20;
        transactions.executeWithoutResult(status -> editor.importAll(
                IntStream.range(0, records)
                        .mapToObj(i -> Drafts.speech("Generated speech " + i)
                                .by("Speaker " + i, Role.SPOKE, "Office " + i)
                                .by("Speaker " + (i + 1), Role.MENTIONED)
                                .theme("Theme " + (i % 5))
                                .note("Note one of " + i)
                                .note("Note two of " + i)
                                .build())
                        .toList(),
                "test"));
        List<Integer> managed = new ArrayList<>();
        export.setBatchSize(batch);
        export.observeBatches(managed::add);

        ArchiveExport.Written written =
                export.export(ArchiveExport.Scope.EVERYTHING, InterchangeFormat.JSONL, OutputStream.nullOutputStream());

        assertThat(written.records()).isEqualTo(records + 1);
        assertThat(written.people()).isGreaterThan(records);
        // each generated record brings itself, two participations, two people (one new) and two notes: at most 8 of
        // them a record, and the five themes; the whole export would be more than 4,000
        assertThat(managed).hasSizeGreaterThanOrEqualTo(2 * records / batch);
        assertThat(managed).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(batch * 8 + 5));
        assertThat(managed.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(4000);
    }

    @Test
    void publicExportHoldsThePublishedRecordsOfASearch() throws Exception {
        fixture();

        String lines = mvc.perform(get("/export/records.jsonl").param("kind", "speech"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-ndjson;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"records.jsonl\""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> recordLines =
                lines.lines().filter(line -> line.startsWith("{\"slug\"")).toList();
        assertThat(recordLines).hasSize(1);
        assertThat(recordLines.get(0))
                .contains(
                        "\"slug\":\"published-speech\"",
                        "\"status\":\"published\"",
                        "\"speakers\":[{\"name\":\"Jane Doe\"")
                // its translation is a draft, which readers cannot see
                .doesNotContain("\"translation\"");
        assertThat(lines)
                .contains(
                        "{\"type\":\"theme\",\"slug\":\"digital-economy\"",
                        "{\"type\":\"person\",\"slug\":\"jane-doe\"");
        assertThat(lines).doesNotContain("draft-speech", "withdrawn-speech", "Hidden Person");

        String csv = mvc.perform(get("/export/records.csv").param("q", "study session"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList())
                .anySatisfy(row -> assertThat(row).startsWith(SEED_SLUG + ","));
    }

    @Test
    void aSearchThatCannotRunGetsProblemDetailsBeforeAnythingIsWritten() throws Exception {
        mvc.perform(get("/export/records.csv").param("kind", "novel"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("The search cannot run"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(get("/export/records.jsonl").param("person", "nobody-at-all"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void editorsExportTheWholeArchiveWithEveryStatus() throws Exception {
        fixture();
        mvc.perform(get("/admin/export")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/export/archive")).andExpect(status().is3xxRedirection());

        Document page = Jsoup.parse(mvc.perform(get("/admin/export").with(EDITOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("form[action=/admin/export/archive] input[name=scope]"))
                .extracting(input -> input.attr("value"))
                .containsExactly("everything", "published");
        assertThat(page.select("form[action=/export/records.jsonl] button[formaction=/export/records.csv]"))
                .hasSize(1);
        assertThat(page.select("form[action=/export/records.jsonl] .field"))
                .extracting(
                        field -> field.select("label").attr("for"),
                        field -> field.select("input").attr("id") + " "
                                + field.select("input").attr("type") + " "
                                + field.select("input").attr("name") + " "
                                + field.select("input").attr("inputmode"))
                .containsExactly(
                        tuple("export-q", "export-q search q "),
                        tuple("export-kind", "export-kind text kind "),
                        tuple("export-lang", "export-lang text lang "),
                        tuple("export-from", "export-from text from numeric"),
                        tuple("export-to", "export-to text to numeric"));

        String csv = mvc.perform(get("/admin/export/archive")
                        .param("scope", "everything")
                        .param("format", "csv")
                        .with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList())
                .anySatisfy(row -> assertThat(row).startsWith("draft-speech,").endsWith(",draft,"))
                .anySatisfy(
                        row -> assertThat(row).startsWith("withdrawn-speech,").contains(",withdrawn,"))
                .anySatisfy(
                        row -> assertThat(row).startsWith("published-speech,").endsWith(",published,draft-speech"));

        String published = mvc.perform(
                        get("/admin/export/archive").param("scope", "published").with(EDITOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).contains("published-speech").doesNotContain("draft-speech", "withdrawn-speech");

        mvc.perform(get("/admin/export/archive").param("scope", "some").with(EDITOR))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/export/archive").param("format", "xml").with(EDITOR))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCommandLineWritesTheFileWhole() throws IOException {
        fixture();
        Path file = dir.resolve("backup.jsonl");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = command.runExport(file, null, null, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Exported 4 records");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("draft-speech", "withdrawn-speech");
        assertThat(Files.exists(dir.resolve("backup.jsonl.part"))).isFalse();

        Path csv = dir.resolve("published.txt");
        assertThat(command.runExport(csv, "csv", "published", new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .startsWith("\uFEFFslug,")
                .doesNotContain("draft-speech");

        assertThat(command.runExport(
                        dir.resolve("x.xml"), "xml", null, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(command.runExport(
                        dir.resolve("x.jsonl"), null, "some", new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(command.runExport(
                        dir.resolve("missing/dir/x.jsonl"),
                        null,
                        null,
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("unknown format xml", "unknown scope some", "Cannot export to");
    }

    /** A published speech whose translation is a draft, a withdrawn speech, and the seed. */
    private void fixture() {
        editor.create(
                draft("draft-speech", RecordStatus.DRAFT)
                        .by("Hidden Person", Role.SPOKE)
                        .build(),
                "test",
                null);
        editor.create(draft("withdrawn-speech", RecordStatus.WITHDRAWN).build(), "test", null);
        RecordDraft published = draft("published-speech", RecordStatus.PUBLISHED)
                .by("Jane Doe", Role.SPOKE, "Minister")
                .theme("Digital economy")
                .translationOf("draft-speech")
                .build();
        editor.create(published, "test", null);
    }

    private static Drafts draft(String slug, RecordStatus status) {
        return Drafts.speech(slug.replace('-', ' '))
                .slug(slug)
                .kind(RecordKind.SPEECH)
                .status(status);
    }
}
