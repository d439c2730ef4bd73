package org.policyarchive.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.tika.Tika;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeReader;
import org.policyarchive.interchange.RejectedInput;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.TextEncoding;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Gets the text out of an uploaded file, paragraph by paragraph, after checking that the file is what its name
 * says: a known extension, content that sniffs as that type, strict UTF-8 for text files, and limits against
 * zip bombs in DOCX. XML inside DOCX goes through POI's hardened parsers (no DTDs, no external entities); HTML
 * is read by jsoup, which never fetches anything. Bad input ends in an {@link InputRejectedException} with a message.
 */
@Component
class TextExtractor {

    /** A DOCX part may inflate to at most this size, and at most 100 times its compressed size. */
    static final long MAX_DOCX_ENTRY_BYTES = 50L * 1024 * 1024;

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    // Control characters (a PDF's form feeds, a NUL) that a record's text cannot keep, and tabs, which a title cannot:
    // as spaces, the words around them stay apart. A paragraph's line ends are joined before.
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x1F]");
    private static final String UNKNOWN_BINARY = "application/octet-stream";
    private static final String HTML_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th";

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_DOCX_ENTRY_BYTES);
    }

    /** Made on first use: Tika reads its catalogue of media types when made, a cost the start need not pay. */
    private static final class Detector {
        static final Tika TIKA = new Tika();
    }

    private final InterchangeReader interchange;

    TextExtractor(KindLookup kinds) {
        this.interchange = new InterchangeReader(kinds);
    }

    /** The text of a file in UTF-8 (a text file; other kinds say their own encoding). */
    ExtractedText extract(String fileName, byte[] content) {
        return extract(fileName, content, TextEncoding.UTF_8);
    }

    /** The text of a file whose text, if it is a text file, is in {@code encoding}. */
    ExtractedText extract(String fileName, byte[] content, TextEncoding encoding) {
        UploadType type = UploadType.ofFileName(fileName)
                .orElseThrow(() -> new InputRejectedException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        UploadAdminController.PATH,
                        "upload.rejected.type",
                        fileName,
                        UploadType.allowedList()));
        if (content.length == 0) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.empty", fileName);
        }
        // content sniffing tells text in ASCII and UTF-8 from binary data: text in another encoding is sniffed, and
        // read, converted to UTF-8 (and refused here if it is not text in that encoding)
        byte[] bytes = type.isText() && encoding != TextEncoding.UTF_8
                ? decode(fileName, content, encoding).getBytes(StandardCharsets.UTF_8)
                : content;
        String sniffed = Detector.TIKA.detect(bytes);
        boolean matches = type.isText() ? sniffed.startsWith("text/") || type.accepts(sniffed) : type.accepts(sniffed);
        if (!matches) {
            if (type.isText() && sniffed.equals(UNKNOWN_BINARY)) {
                // bytes that are not text in the encoding chosen (such as GB18030 read as UTF-8) say so first
                decode(fileName, content, encoding);
            }
            throw new InputRejectedException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    UploadAdminController.PATH,
                    "upload.rejected.mismatch",
                    fileName,
                    sniffed);
        }
        String mediaType = type.mediaType(encoding);
        ExtractedText text = switch (type) {
            case TXT -> plain(decode(fileName, bytes, TextEncoding.UTF_8), mediaType, false);
            case MD -> plain(decode(fileName, bytes, TextEncoding.UTF_8), mediaType, true);
            case HTML -> html(decode(fileName, bytes, TextEncoding.UTF_8), mediaType);
            case JSON -> json(fileName, decode(fileName, bytes, TextEncoding.UTF_8), mediaType);
            case DOCX -> docx(fileName, content);
            case PDF -> pdf(fileName, content);
        };
        if (text.paragraphs().isEmpty() && text.interchange() == null) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.no-text", fileName);
        }
        return text;
    }

    private static String decode(String fileName, byte[] content, TextEncoding encoding) {
        try {
            String text = encoding.charset()
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST,
                    UploadAdminController.PATH,
                    "upload.rejected.encoding",
                    fileName,
                    encoding.label());
        }
    }

    private static ExtractedText plain(String text, String mediaType, boolean markdown) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
            String paragraph = block;
            if (markdown) {
                paragraph = MARKDOWN_HEADING.matcher(paragraph.strip()).replaceFirst("");
                paragraph = MARKDOWN_LINK.matcher(paragraph).replaceAll("$1");
                paragraph = MARKDOWN_EMPHASIS.matcher(paragraph).replaceAll("");
            }
            addParagraph(paragraphs, paragraph);
        }
        return new ExtractedText(null, paragraphs, mediaType, null);
    }

    private static ExtractedText html(String html, String mediaType) {
        Document document = Jsoup.parse(html);
        String title = oneLine(document.title());
        List<String> paragraphs = new ArrayList<>();
        for (Element block : document.body().select(HTML_BLOCKS)) {
            // a block inside another block (a paragraph in a list item) is read with its parent
            if (block.parents().stream().noneMatch(parent -> parent.is(HTML_BLOCKS))) {
                addParagraph(paragraphs, block.text());
            }
        }
        if (paragraphs.isEmpty()) {
            addParagraph(paragraphs, document.body().text());
        }
        return new ExtractedText(title, paragraphs, mediaType, null);
    }

    private ExtractedText json(String fileName, String text, String mediaType) {
        try {
            RecordDraft record = interchange.readLine(text.strip());
            return new ExtractedText(record.title(), List.of(), mediaType, record);
        } catch (RejectedInput e) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST,
                    UploadAdminController.PATH,
                    "upload.rejected.json",
                    fileName,
                    new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.arguments()));
        }
    }

    private static ExtractedText docx(String fileName, byte[] content) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<String> paragraphs = new ArrayList<>();
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                addParagraph(paragraphs, paragraph.getText());
            }
            return new ExtractedText(
                    oneLine(document.getProperties().getCoreProperties().getTitle()),
                    paragraphs,
                    UploadType.DOCX.mediaType(TextEncoding.UTF_8),
                    null);
        } catch (IOException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new InputRejectedException(
                        HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.zip-bomb", fileName);
            }
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.unreadable", fileName, "DOCX");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("ZIP bomb"))) {
                return true;
            }
        }
        return false;
    }

    private static ExtractedText pdf(String fileName, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setParagraphEnd("\n\n");
            stripper.setLineSeparator("\n");
            List<String> paragraphs = new ArrayList<>();
            for (String block : BLANK_LINES.split(stripper.getText(document))) {
                addParagraph(paragraphs, block);
            }
            return new ExtractedText(
                    oneLine(document.getDocumentInformation().getTitle()),
                    paragraphs,
                    UploadType.PDF.mediaType(TextEncoding.UTF_8),
                    null);
        } catch (InvalidPasswordException e) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.encrypted", fileName);
        } catch (IOException | RuntimeException e) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, UploadAdminController.PATH, "upload.rejected.unreadable", fileName, "PDF");
        }
    }

    /** Adds a paragraph with its line breaks joined (a space between words, none between Chinese characters). */
    private static void addParagraph(List<String> paragraphs, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        // split at each line break, then strip: a pattern with whitespace around the break backtracks through a long
        // run of spaces from each of its characters, quadratic in the run
        for (String untrimmed : text.split("\n")) {
            String line = untrimmed.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!joined.isEmpty() && !(isCjk(joined.charAt(joined.length() - 1)) && isCjk(line.charAt(0)))) {
                joined.append(' ');
            }
            joined.append(line);
        }
        paragraphs.add(CONTROL_CHARACTERS.matcher(joined).replaceAll(" "));
    }

    /** A title from a document's metadata, on one line, without control characters; null when it is blank. */
    private static @Nullable String oneLine(@Nullable String title) {
        if (title == null) {
            return null;
        }
        String line = CONTROL_CHARACTERS.matcher(title).replaceAll(" ").strip();
        return line.isEmpty() ? null : line;
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF00' && c <= '\uFFEF');
    }
}
