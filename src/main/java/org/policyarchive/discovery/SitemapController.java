package org.policyarchive.discovery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.PublishedRecords;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.SiteAddress;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * The sitemaps (sitemaps.org 0.9): {@code /sitemap.xml} is an index of the sitemaps of records, people and themes,
 * each of a block of at most {@value #PER_SITEMAP} ids ({@code /sitemaps/records-1.xml} holds the published records
 * with ids 1 to 50,000, and so on), so that no sitemap passes the protocol's 50,000 addresses and a record stays in
 * its sitemap for good. Each sitemap is written as PostgreSQL hands over its rows, never holding the records; the
 * index costs one grouped scan of the published records' ids.
 */
@Controller
class SitemapController {

    static final int PER_SITEMAP = 50_000;
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static final String XML = "application/xml;charset=UTF-8";
    private static final DateTimeFormatter W3C_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final PublishedRecords records;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;

    SitemapController(PublishedRecords records, PersonDirectory people, ThemeVocabulary themes) {
        this.records = records;
        this.people = people;
        this.themes = themes;
    }

    @GetMapping("/sitemap.xml")
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = SiteAddress.base(request);
        SortedMap<Integer, @Nullable Instant> recordBlocks = recordBlocks();
        SortedMap<Integer, Instant> personBlocks = people.blocks(PER_SITEMAP);
        int themeSitemaps = themes.tree().isEmpty() ? 0 : 1;
        write(response, xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            for (var block : recordBlocks.entrySet()) {
                sitemap(xml, base + "/sitemaps/records-" + block.getKey() + ".xml", block.getValue());
            }
            for (var block : personBlocks.entrySet()) {
                sitemap(xml, base + "/sitemaps/people-" + block.getKey() + ".xml", block.getValue());
            }
            for (int i = 1; i <= themeSitemaps; i++) {
                sitemap(xml, base + "/sitemaps/themes-" + i + ".xml", null);
            }
            xml.writeEndElement();
        });
    }

    /**
     * One sitemap: {@code records-N}, {@code people-N} or {@code themes-1}, with the home page and the indexes in
     * {@code records-1}. A block that holds nothing, or a name the index does not list, is not found.
     */
    @GetMapping("/sitemaps/{kind:records|people|themes}-{number:[1-9][0-9]{0,8}}.xml")
    void sitemap(
            @PathVariable String kind,
            @PathVariable int number,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        SortedMap<Integer, ? extends @Nullable Instant> blocks = switch (kind) {
            case "records" -> recordBlocks();
            case "people" -> people.blocks(PER_SITEMAP);
            default -> null;
        };
        boolean exists = blocks == null ? number == 1 && !themes.tree().isEmpty() : blocks.containsKey(number);
        if (!exists) {
            throw new NotFoundException("error.notFound.sitemap", kind + "-" + number);
        }
        String base = SiteAddress.base(request);
        write(response, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            BiConsumer<String, Instant> row = (path, updated) -> url(xml, base + path, updated);
            switch (kind) {
                case "records" -> {
                    if (number == 1) {
                        for (String index : new String[] {"/", "/records", "/people", "/themes"}) {
                            url(xml, base + index, null);
                        }
                    }
                    records.forEachIn(
                            number, PER_SITEMAP, (slug, updated) -> row.accept("/records/" + segment(slug), updated));
                }
                case "people" ->
                    people.forEachIn(
                            number, PER_SITEMAP, (slug, updated) -> row.accept("/people/" + segment(slug), updated));
                default -> {
                    for (var node : themes.tree()) {
                        url(xml, base + "/themes/" + segment(node.theme().getSlug()), null);
                        for (Theme child : node.children()) {
                            url(xml, base + "/themes/" + segment(child.getSlug()), null);
                        }
                    }
                }
            }
            xml.writeEndElement();
        });
    }

    /** The blocks of records, and always the first, which lists the home page and the indexes. */
    private SortedMap<Integer, @Nullable Instant> recordBlocks() {
        SortedMap<Integer, @Nullable Instant> blocks = new TreeMap<>(records.blocks(PER_SITEMAP));
        blocks.putIfAbsent(1, null);
        return blocks;
    }

    /** Writes an XML document to the response as it is produced. */
    private static void write(HttpServletResponse response, XmlBody body) throws IOException {
        response.setContentType(XML);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        OutputStream out = response.getOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the sitemap could not be written", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void sitemap(XMLStreamWriter xml, String loc, @Nullable Instant lastmod) throws XMLStreamException {
        entry(xml, "sitemap", loc, lastmod);
    }

    private static void url(XMLStreamWriter xml, String loc, @Nullable Instant lastmod) {
        try {
            entry(xml, "url", loc, lastmod);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static void entry(XMLStreamWriter xml, String element, String loc, @Nullable Instant lastmod)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("loc");
        xml.writeCharacters(loc);
        xml.writeEndElement();
        if (lastmod != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(W3C_DATETIME.format(lastmod.truncatedTo(ChronoUnit.SECONDS)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String segment(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
