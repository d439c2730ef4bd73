package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.testing.SeededKinds;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

class TextExtractorTests {

    final TextExtractor extractor = new TextExtractor(SeededKinds.LOOKUP);

    @Test
    void readsTheSeedTextParagraphByParagraph() {
        ExtractedText text = extractor.extract("seed.txt", TestFiles.seed());

        List<String> expected = List.of(TestFiles.seedText().split("\n\n"));
        assertThat(text.paragraphs()).containsExactlyElementsOf(expected);
        assertThat(text.mediaType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void readsMarkdownWithoutItsMarkup() {
        String markdown = "# A **bold** title\n\nSome [linked](https://example.org) text\nwrapped here.\n\n- item";
        ExtractedText text = extractor.extract("note.md", markdown.getBytes(StandardCharsets.UTF_8));

        assertThat(text.paragraphs()).containsExactly("A bold title", "Some linked text wrapped here.", "- item");
    }

    @Test
    void readsHtmlBlocksAndLeavesScriptsOut() {
        String html = "<!DOCTYPE html><html><head><title>Page title</title><script>alert('x')</script></head>"
                + "<body><h1>Heading</h1><p>First <b>para</b>graph.</p><ul><li><p>Item</p></li></ul>"
                + "<script>document.write('no')</script><p>&lt;script&gt; as text</p></body></html>";
        ExtractedText text = extractor.extract("page.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(text.metadataTitle()).isEqualTo("Page title");
        assertThat(text.paragraphs()).containsExactly("Heading", "First paragraph.", "Item", "<script> as text");
    }

    @Test
    void readsDocxParagraphsAndTitle() {
        byte[] docx = TestFiles.docx("Document title", List.of("First paragraph.", "", "第二段。"));

        ExtractedText text = extractor.extract("report.docx", docx);

        assertThat(text.metadataTitle()).isEqualTo("Document title");
        assertThat(text.paragraphs()).containsExactly("First paragraph.", "第二段。");
    }

    @Test
    void readsPdfTextAndTitle() {
        byte[] pdf = TestFiles.pdf("PDF title", List.of("The first paragraph.", "The second paragraph."));

        ExtractedText text = extractor.extract("report.pdf", pdf);

        assertThat(text.metadataTitle()).isEqualTo("PDF title");
        assertThat(String.join(" ", text.paragraphs())).contains("The first paragraph.", "The second paragraph.");
    }

    @Test
    void readsOneInterchangeRecordFromJson() {
        String json = "{\"title\": \"From JSON\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"Text.\","
                + " \"speakers\": [{\"name\": \"Chen Chun\", \"role\": \"lectured\"}]}";

        ExtractedText text = extractor.extract("record.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(text.metadataTitle()).isEqualTo("From JSON");
        assertThat(text.paragraphs()).isEmpty();
        assertThat(text.mediaType()).isEqualTo("application/json");
        assertThat(text.interchange().title()).isEqualTo("From JSON");
        assertThat(text.interchange().kind()).isEqualTo(RecordKind.SPEECH);
        assertThat(text.interchange().body()).isEqualTo("Text.");
        assertThat(text.interchange().people())
                .extracting(RecordDraft.PersonRow::name, RecordDraft.PersonRow::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chen Chun", Role.LECTURED));
    }

    /** What a record needs (a title, a text) is for the record form to say: the upload only checks the format. */
    @Test
    void readsAnInterchangeRecordWithoutATitleForTheFormToComplete() {
        ExtractedText text = extractor.extract(
                "untitled.json",
                "{\"body\": \"x\", \"kind\": \"speech\", \"language\": \"en\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(text.interchange().title()).isNull();
        assertThat(text.interchange().body()).isEqualTo("x");
    }

    @Test
    void rejectsAnUnknownTypeWithTheAllowedList() {
        assertRejected("sheet.xlsx", new byte[] {1, 2}, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.rejected.type");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertRejected("empty.txt", new byte[0], HttpStatus.BAD_REQUEST, "upload.rejected.empty");
    }

    @Test
    void rejectsContentThatDoesNotMatchItsExtension() {
        byte[] pdf = TestFiles.pdf("t", List.of("x"));
        assertRejected("disguised.txt", pdf, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.rejected.mismatch");
        assertRejected(
                "text.pdf",
                "just text".getBytes(StandardCharsets.UTF_8),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "upload.rejected.mismatch");
        assertRejected(
                "text.docx",
                "just text".getBytes(StandardCharsets.UTF_8),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "upload.rejected.mismatch");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertRejected("latin1.txt", latin1, HttpStatus.BAD_REQUEST, "upload.rejected.encoding");
    }

    @Test
    void rejectsInvalidJson() {
        assertRejectedJson("{\"title\": ", "interchange.json");
        assertRejectedJson("[1, 2]", "interchange.object");
        assertRejectedJson("{\"title\": \"x\", \"kind\": \"sonnet\"}", "interchange.kind.unknown.listed");
        assertRejectedJson("{\"title\": 5}", "interchange.field.text");
    }

    /** A JSON upload that is not one interchange record, with the interchange format's reason as the argument. */
    private void assertRejectedJson(String json, String reasonKey) {
        assertThatThrownBy(() -> extractor.extract("record.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InputRejectedException.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(rejection.messageKey()).isEqualTo("upload.rejected.json");
                    assertThat(rejection.backPath()).isEqualTo("/admin/uploads");
                    assertThat(rejection.arguments()[0]).isEqualTo("record.json");
                    assertThat(rejection.arguments()[1])
                            .isInstanceOfSatisfying(
                                    MessageSourceResolvable.class,
                                    reason -> assertThat(reason.getCodes()).containsExactly(reasonKey));
                });
    }

    @Test
    void rejectsADocxZipBomb() {
        byte[] bomb = TestFiles.zipBomb(TestFiles.docx("bomb", List.of("x")), 30 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200_000);

        assertRejected("bomb.docx", bomb, HttpStatus.BAD_REQUEST, "upload.rejected.zip-bomb");
    }

    @Test
    void neverResolvesAnExternalEntityInDocx(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-MARKER");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p></w:body></w:document>";
        byte[] docx = TestFiles.withDocumentXml(TestFiles.docx("xxe", List.of("x")), xml);

        try {
            ExtractedText text = extractor.extract("xxe.docx", docx);
            assertThat(String.join(" ", text.paragraphs())).doesNotContain("TOP-SECRET-MARKER");
        } catch (InputRejectedException rejection) {
            assertThat(rejection.messageKey()).isEqualTo("upload.rejected.unreadable");
        }
    }

    @Test
    void keepsMarkupInTextAsText() {
        String text = "<script>alert('x')</script>\n\n<b>not bold</b>";
        ExtractedText extracted = extractor.extract("markup.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(extracted.paragraphs()).containsExactly("<script>alert('x')</script>", "<b>not bold</b>");
    }

    private void assertRejected(String fileName, byte[] content, HttpStatus status, String messageKey) {
        assertThatThrownBy(() -> extractor.extract(fileName, content))
                .isInstanceOfSatisfying(InputRejectedException.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(status);
                    assertThat(rejection.arguments()[0]).isEqualTo(fileName);
                    assertThat(rejection.messageKey()).isEqualTo(messageKey);
                });
    }
}
