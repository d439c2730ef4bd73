package org.policyarchive.discovery;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.policyarchive.record.PublishedRecords.ChangedRecord;
import org.policyarchive.record.RecordLabels;
import org.policyarchive.record.RecordListing;
import org.policyarchive.record.Role;
import org.policyarchive.system.XmlText;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Writes an Atom 1.0 feed (RFC 4287) of records with Rome's {@link WireFeedOutput}. Each entry's id is a tag URI of
 * the record's id ({@code tag:archive.example.org,2023:record:42}), which stays the same when the record's slug is
 * edited; its authors are the people who presided, lectured or spoke, its categories the record's themes and kind.
 */
@Component
class AtomFeeds {

    static final String MEDIA_TYPE = "application/atom+xml";

    /** The year in the tag URIs: a year the archive held its name in, as RFC 4151 asks; fixed, so ids never change. */
    static final String TAG_YEAR = "2023";

    private static final int SUMMARY_LENGTH = 500;

    private final RecordLabels labels;

    AtomFeeds(RecordLabels labels) {
        this.labels = labels;
    }

    /** What a feed says about itself: its title, its own address and the page it follows, both absolute. */
    record Description(String title, String selfUrl, String pageUrl, String siteName) {}

    /** The feed as UTF-8 bytes; it was last updated when its newest entry was, or at the epoch when it is empty. */
    byte[] write(Description description, List<ChangedRecord> records, String base, String host, Locale locale) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(description.selfUrl());
        feed.setTitle(XmlText.of(description.title()));
        feed.setUpdated(Date.from(updated(records)));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", description.pageUrl())));
        feed.setOtherLinks(List.of(link("self", MEDIA_TYPE, description.selfUrl())));
        // the archive speaks for the entries that name no speaker: Atom wants an author for each entry
        Person archive = new Person();
        archive.setName(XmlText.of(description.siteName()));
        archive.setUri(base + "/");
        feed.setAuthors(List.of(archive));
        feed.setEntries(records.stream().map(r -> entry(r, base, host)).toList());
        try {
            // Rome writes no xml:lang: the feed's texts are in the reader's language, each entry's in its record's
            Document document = new WireFeedOutput().outputJDom(feed);
            Element root = document.getRootElement();
            root.setAttribute("lang", locale.toLanguageTag(), Namespace.XML_NAMESPACE);
            List<Element> entries = root.getChildren("entry", root.getNamespace());
            for (int i = 0; i < entries.size(); i++) {
                entries.get(i).setAttribute("lang", records.get(i).listing().language(), Namespace.XML_NAMESPACE);
            }
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8"))
                    .outputString(document)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    static Instant updated(List<ChangedRecord> records) {
        return records.stream()
                .map(ChangedRecord::updated)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private Entry entry(ChangedRecord changed, String base, String host) {
        RecordListing record = changed.listing();
        Entry entry = new Entry();
        entry.setId("tag:" + host + "," + TAG_YEAR + ":record:" + record.id());
        entry.setTitle(XmlText.of(record.title()));
        entry.setUpdated(Date.from(changed.updated()));
        entry.setPublished(Date.from(changed.created()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", base + "/records/" + segment(record.slug()))));
        List<SyndPerson> authors = new ArrayList<>();
        for (RecordListing.Part part : record.people()) {
            if (isSpeaker(part.role())) {
                Person person = new Person();
                person.setName(XmlText.of(part.name()));
                person.setUri(base + "/people/" + segment(part.slug()));
                authors.add(person);
            }
        }
        entry.setAuthors(authors);
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(XmlText.of(summary(changed)));
        entry.setSummary(summary);
        List<Category> categories = new ArrayList<>();
        for (RecordListing.ThemeName theme : record.themes()) {
            categories.add(category(theme.slug(), base + "/themes/", theme.name()));
        }
        categories.add(category(record.kind().code(), base + "/records?kind=", labels.kind(record.kind())));
        entry.setCategories(categories);
        return entry;
    }

    /** Whether a part makes a person an author of the record: presiding, lecturing or speaking, as lists show. */
    static boolean isSpeaker(Role role) {
        return role == Role.PRESIDED || role == Role.LECTURED || role == Role.SPOKE;
    }

    /** The summary, or the start of the text cut at a space, for a record without one. */
    static String summary(ChangedRecord changed) {
        String summary = changed.listing().summary();
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        String text = changed.textStart() == null ? "" : changed.textStart().strip();
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int space = text.lastIndexOf(' ', SUMMARY_LENGTH);
        return text.substring(0, space > SUMMARY_LENGTH / 2 ? space : SUMMARY_LENGTH) + " …";
    }

    private static Category category(String term, String scheme, String label) {
        Category category = new Category();
        category.setTerm(XmlText.of(term));
        category.setScheme(scheme);
        category.setLabel(XmlText.of(label));
        return category;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static String segment(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
