package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An import whose lines repeat texts of the archive (the Chinese work reports, imported first), the same once layout
 * and punctuation are set aside or nearly the same, or repeat an earlier line of the same file, in the same batch or
 * an earlier one (3 lines a batch here): the lines are imported, and the report lists them as warnings with a link to
 * the record that has the text.
 */
@SpringBootTest(properties = "archive.imports.batch-size=3")
@AutoConfigureMockMvc
@CleanArchive
class ImportDuplicatesIntegrationTests {

    @Autowired
    ImportJobService imports;

    @Autowired
    ImportCommand command;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void reportsLinesWhoseTextIsAlreadyThereWithLinksAndImportsThemAllTheSame() throws Exception {
        Path reports = SharedCorpus.file(SharedCorpus.CHINESE_REPORTS);
        ImportJobView first = imports.runNow(reports, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);
        assertThat(first.recordsImported()).isEqualTo(72);
        // the corpus holds no two reports alike
        assertThat(imports.countWarnings(first.id())).isZero();

        List<String> lines = Files.readAllLines(reports, StandardCharsets.UTF_8);
        ObjectNode same = (ObjectNode) JsonMapper.shared().readTree(lines.get(0));
        ObjectNode near = (ObjectNode) JsonMapper.shared().readTree(lines.get(1));
        String sameTitle = same.get("title").asString();
        String nearTitle = near.get("title").asString();
        // the same words with another layout and punctuation
        same.put(
                "body",
                same.get("body")
                        .asString()
                        .replace("\n\n", "\n \n")
                        .replace("，", ", ")
                        .replace("。", ". "));
        same.put("title", "Copy of the first report");
        // one paragraph in the middle left out
        String[] paragraphs = near.get("body").asString().split("\n\n");
        near.put(
                "body",
                String.join("\n\n", List.of(paragraphs).subList(0, paragraphs.length / 2))
                        + "\n\n"
                        + String.join(
                                "\n\n", List.of(paragraphs).subList(paragraphs.length / 2 + 1, paragraphs.length)));
        near.put("title", "Abridged copy of the second report");
        String fresh = "{\"slug\": \"harbour-tides\", \"title\": \"Harbour tides\", \"kind\": \"speech\", \"language\":"
                + " \"en\", \"body\": \"The harbours of the northern coast keep their own tables of the tides, and"
                + " the pilots read them twice a day.\"}";
        String again = fresh.replace("harbour-tides", "harbour-tides-again").replace("Harbour tides", "Tides again");
        Path file = dir.resolve("copies.jsonl");
        Files.writeString(file, String.join("\n", same.toString(), near.toString(), fresh, again) + "\n");

        ImportJobView job = imports.runNow(file, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.recordsImported()).isEqualTo(4);
        assertThat(job.linesRejected()).isZero();
        Document page = Pages.load(
                mvc, get("/admin/imports/" + job.id()).with(user("admin").roles("ADMIN")), 200);
        assertThat(page.select("table.errors")).isEmpty();
        assertThat(page.select("table.duplicates caption").text())
                .startsWith("Lines whose text was already there (3 in all)");
        List<String> rows = page.select("table.duplicates tbody tr").eachText();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("1 The same text as " + sameTitle);
        // a paragraph of a short resolution left out: more than 80% alike, less than the same
        assertThat(rows.get(1)).matches("2 Nearly the same text \\([89]\\d% alike\\) as " + nearTitle);
        assertThat(rows.get(2)).isEqualTo("4 The same text as Harbour tides (line 3 of this file)");
        assertThat(page.select("table.duplicates tbody tr a").eachAttr("href"))
                .containsExactly(
                        "/admin/records/" + idOfTitle(sameTitle) + "/edit",
                        "/admin/records/" + idOfTitle(nearTitle) + "/edit",
                        "/admin/records/" + idOfTitle("Harbour tides") + "/edit");
    }

    @Test
    void findsTextsOfEarlierBatchesOfTheSameFileAndSaysWhichLineMadeThem() throws Exception {
        List<String> reports =
                Files.readAllLines(SharedCorpus.file(SharedCorpus.CHINESE_REPORTS), StandardCharsets.UTF_8);
        ObjectNode first = (ObjectNode) JsonMapper.shared().readTree(reports.get(2));
        ObjectNode second = (ObjectNode) JsonMapper.shared().readTree(reports.get(3));
        ObjectNode firstAgain = first.deepCopy();
        firstAgain.put("slug", "first-again");
        firstAgain.put("title", "The first again");
        ObjectNode secondNearly = second.deepCopy();
        secondNearly.put("slug", "second-nearly");
        secondNearly.put("title", "The second nearly");
        String[] paragraphs = second.get("body").asString().split("\n\n");
        secondNearly.put("body", String.join("\n\n", List.of(paragraphs).subList(1, paragraphs.length)));
        ObjectNode third = (ObjectNode) JsonMapper.shared().readTree(reports.get(4));
        Path file = dir.resolve("batches.jsonl");
        // batches of 3: lines 1 to 3, then 4 and 5, which repeat lines 1 and 2
        Files.writeString(
                file,
                String.join(
                                "\n",
                                first.toString(),
                                second.toString(),
                                third.toString(),
                                firstAgain.toString(),
                                secondNearly.toString())
                        + "\n");

        ImportJobView job = imports.runNow(file, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(job.recordsImported()).isEqualTo(5);
        Document page = Pages.load(
                mvc, get("/admin/imports/" + job.id()).with(user("admin").roles("ADMIN")), 200);
        List<String> rows = page.select("table.duplicates tbody tr").eachText();
        assertThat(rows).hasSize(2);
        String firstTitle = first.get("title").asString();
        String secondTitle = second.get("title").asString();
        assertThat(rows.get(0)).isEqualTo("4 The same text as " + firstTitle + " (line 1 of this file)");
        assertThat(rows.get(1))
                .matches("5 Nearly the same text \\([89]\\d% alike\\) as " + Pattern.quote(secondTitle)
                        + " \\(line 2 of this file\\)");
        assertThat(page.select("table.duplicates tbody tr a").eachAttr("href"))
                .containsExactly(
                        "/admin/records/" + idOfTitle(firstTitle) + "/edit",
                        "/admin/records/" + idOfTitle(secondTitle) + "/edit");
    }

    @Test
    void aReimportSkipsTheRecordsWithoutWarningOfThem() throws IOException {
        Path reports = SharedCorpus.file(SharedCorpus.CHINESE_REPORTS);
        imports.runNow(reports, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        ImportJobView again = imports.runNow(reports, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(again.recordsSkipped()).isEqualTo(72);
        assertThat(imports.countWarnings(again.id())).isZero();
    }

    @Test
    void commandLineSaysHowManyLinesHaveATextAlreadyThere() throws Exception {
        String line = "{\"title\": \"%s\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"The harbours"
                + " of the northern coast keep their own tables of the tides.\"}";
        Path file = Files.write(
                dir.resolve("twice.jsonl"), List.of(line.formatted("Tides"), line.formatted("Tides again")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = command.runImport(file, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(text -> text.startsWith("1 lines have a text already in the archive or in an earlier line"));
    }

    private long idOfTitle(String title) {
        return jdbc.sql("select id from record where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }
}
