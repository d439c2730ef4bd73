package org.policyarchive.citation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.policyarchive.record.Record;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The citation module's facade: a record cited in each style, for the record page's Cite block, and as the work that
 * the BibTeX, RIS and CSL-JSON downloads write. A record is formatted with the CSL locale of its own language (zh-CN
 * for Chinese, en-US for the rest), whatever the reader's.
 */
@Service
public class Citations {

    private static final Safelist MARKUP = Safelist.none().addTags("i", "b");

    private final CitationProcessors processors;
    private final Genres genres;
    private final Clock clock = Clock.systemDefaultZone();

    Citations(CitationProcessors processors, Genres genres) {
        this.processors = processors;
        this.genres = genres;
    }

    /** The absolute address of a record's page, as the current request reached the archive. */
    public static String recordUrl(String slug) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/records/{slug}")
                .buildAndExpand(slug)
                .encode()
                .toUriString();
    }

    /** The record cited in every style, accessed today, at its page's absolute address {@code url}. */
    public List<Citation> of(Record record, String url) {
        CitedWork work = work(record, url);
        return Arrays.stream(CitationStyle.values())
                .map(style -> citation(style, work))
                .toList();
    }

    CitedWork work(Record record, String url) {
        return CitedWork.of(
                record,
                genres.genre(record.getKind(), record.getLanguage()),
                genres.workType(record.getKind()),
                url,
                LocalDate.now(clock));
    }

    private Citation citation(CitationStyle style, CitedWork work) {
        String entry = processors.entry(style, Languages.cslLocale(work.language()), CslItems.rendered(work));
        Document document = Jsoup.parseBodyFragment(entry);
        document.outputSettings().prettyPrint(false);
        // a numeric style's number ("[1]") is the entry's place in a list, not part of the reference
        Element text = document.selectFirst(".csl-right-inline");
        if (text == null) {
            text = document.selectFirst(".csl-entry");
        }
        if (text == null) {
            text = document.body();
        }
        // the styles mark titles with inline CSS, which the Content-Security-Policy does not allow: <i> and <b> say it
        for (Element span : text.select("span[style]")) {
            String css = span.attr("style");
            if (css.contains("italic")) {
                span.tagName("i").clearAttributes();
            } else if (css.contains("bold")) {
                span.tagName("b").clearAttributes();
            } else {
                span.unwrap();
            }
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String html = Jsoup.clean(text.html(), "", MARKUP, compact);
        return new Citation(style, html, text.text());
    }
}
