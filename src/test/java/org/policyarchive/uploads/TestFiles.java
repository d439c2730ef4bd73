package org.policyarchive.uploads;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.core.io.ClassPathResource;

/** Builds the files the upload tests send, in code, so that no binary fixture lives in git. */
final class TestFiles {

    static final String SEED = "seed/state-council-study-session-2023-08-21.txt";

    private TestFiles() {}

    static byte[] seed() {
        try {
            return new ClassPathResource(SEED).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seedText() {
        return new String(seed(), StandardCharsets.UTF_8);
    }

    /** A DOCX with the given title in its properties and one paragraph per entry. */
    static byte[] docx(String title, List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a DOCX with its main part replaced. */
    static byte[] withDocumentXml(byte[] docx, String documentXml) {
        return rezip(docx, "word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8), 0);
    }

    /**
     * A DOCX whose main part inflates to {@code inflatedBytes} of nearly nothing: far past the allowed
     * inflation ratio. The bytes are written through the deflater as they are made, never held at once.
     */
    static byte[] zipBomb(byte[] docx, int inflatedBytes) {
        return rezip(docx, "word/document.xml", null, inflatedBytes);
    }

    private static byte[] rezip(byte[] docx, String part, byte[] replacement, int padding) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.getName().equals(part)) {
                    in.transferTo(out);
                } else if (replacement != null) {
                    out.write(replacement);
                } else {
                    byte[] original = in.readAllBytes();
                    String xml = new String(original, StandardCharsets.UTF_8);
                    int close = xml.lastIndexOf("</w:body>");
                    out.write(xml.substring(0, close).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[64 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int written = 0; written < padding; written += spaces.length) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(close).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with the given title in its information and one line of text per paragraph, a gap between them. */
    static byte[] pdf(String title, List<String> paragraphs) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(14);
                content.newLineAtOffset(50, 720);
                for (String paragraph : paragraphs) {
                    content.showText(paragraph);
                    content.newLine();
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
