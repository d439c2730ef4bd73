package org.policyarchive.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonName;
import org.policyarchive.record.Participation;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordLabels;
import org.policyarchive.record.Role;
import org.policyarchive.system.PartialDate;
import org.policyarchive.theme.Theme;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a record's page tells machines in its head: a description, the canonical address, OpenGraph, schema.org JSON-LD
 * and the Highwire Press tags ({@code citation_*}) that Google Scholar and Zotero's Embedded Metadata translator read,
 * with {@code DC.type} naming the Zotero item type (Zotero takes a {@code DC.type} that is one of its item types
 * before it guesses "journal article" from {@code citation_title}).
 *
 * <p>The people who presided, lectured or spoke are the record's authors (as lists of records show them); those who
 * took part are contributors, and those mentioned are what the record mentions. {@code citation_author} writes each
 * author "Family, Given" by {@link PersonName#familyFirst()}.
 *
 * @param properties OpenGraph tags, {@code <meta property=...>}
 * @param names Highwire and Dublin Core tags, {@code <meta name=...>}, in order, a name repeated for each value
 * @param jsonLd the JSON-LD, with every {@code <}, {@code >} and {@code &} escaped, so that no text ends the script
 */
record RecordMetadata(String description, String canonical, List<Tag> properties, List<Tag> names, String jsonLd) {

    /** How long a description cut from the record's text may be, as search engines show about that much. */
    static final int DESCRIPTION_LENGTH = 300;

    /** One {@code <meta>} tag's name (or property) and content. */
    record Tag(String key, String value) {}

    static RecordMetadata of(Record record, String base, String siteName, RecordLabels labels) {
        String url = base + "/records/" + segment(record.getSlug());
        String description = description(record);
        List<Participation> authors = parts(record, Role.PRESIDED, Role.LECTURED, Role.SPOKE);
        List<Theme> themes = record.getSortedThemes();
        PartialDate date = record.getPartialDate();

        List<Tag> og = new ArrayList<>();
        og.add(new Tag("og:title", record.getTitle()));
        og.add(new Tag("og:type", "article"));
        og.add(new Tag("og:url", url));
        og.add(new Tag("og:description", description));
        og.add(new Tag("og:site_name", siteName));
        if (date != null) {
            og.add(new Tag("article:published_time", date.toString()));
        }
        for (Theme theme : themes) {
            og.add(new Tag("article:tag", theme.getName()));
        }

        List<Tag> names = new ArrayList<>();
        names.add(new Tag("citation_title", record.getTitle()));
        authors.stream()
                .map(Participation::getPerson)
                .distinct()
                .forEach(person -> names.add(new Tag(
                        "citation_author",
                        PersonName.of(person, record.getLanguage()).familyFirst())));
        if (date != null) {
            names.add(new Tag("citation_date", date.toString().replace('-', '/')));
        }
        if (record.getOrganization() != null) {
            names.add(new Tag("citation_publisher", record.getOrganization()));
        }
        names.add(new Tag("citation_language", record.getLanguage()));
        for (Theme theme : themes) {
            names.add(new Tag("citation_keywords", theme.getName()));
        }
        names.add(new Tag("citation_abstract", description));
        names.add(new Tag("citation_public_url", url));
        names.add(new Tag("DC.type", zoteroType(record.getKind())));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "CreativeWork");
        json.put("@id", url);
        json.put("url", url);
        json.put("name", record.getTitle());
        json.put("genre", labels.kind(record.getKind()));
        if (date != null) {
            json.put("datePublished", date.toString());
        }
        json.put("inLanguage", record.getLanguage());
        json.put("description", description);
        putPeople(json, "author", authors, base);
        putPeople(json, "contributor", parts(record, Role.PARTICIPATED), base);
        putPeople(json, "mentions", parts(record, Role.MENTIONED), base);
        if (!themes.isEmpty()) {
            json.put(
                    "about",
                    themes.stream()
                            .map(theme ->
                                    thing("DefinedTerm", theme.getName(), base + "/themes/" + segment(theme.getSlug())))
                            .toList());
        }
        if (record.getPlace() != null) {
            json.put("locationCreated", thing("Place", record.getPlace(), null));
        }
        if (record.getOrganization() != null) {
            json.put("publisher", thing("Organization", record.getOrganization(), null));
        }
        json.put("provider", thing("Organization", siteName, base + "/"));
        return new RecordMetadata(
                description, url, og, names, scriptSafe(JsonMapper.shared().writeValueAsString(json)));
    }

    /**
     * The Zotero item type of a kind: what was said aloud is a presentation, reports are reports, an interview and a
     * letter are their own types, and the other documents (statements, resolutions, policy documents, readouts of
     * meetings), like every kind an admin adds, are documents.
     */
    static String zoteroType(RecordKind kind) {
        return switch (kind.name()) {
            case "STUDY_SESSION",
                    "SPEECH",
                    "ADDRESS",
                    "INAUGURAL_ADDRESS",
                    "FAREWELL_ADDRESS",
                    "ANNUAL_MESSAGE",
                    "REMARKS",
                    "FIRESIDE_CHAT",
                    "DEBATE",
                    "PRESS_CONFERENCE" -> "presentation";
            case "REPORT", "GOVERNMENT_WORK_REPORT" -> "report";
            case "INTERVIEW" -> "interview";
            case "LETTER" -> "letter";
            default -> "document";
        };
    }

    /** The summary, or the start of the text cut at a space, for a record without one. */
    static String description(Record record) {
        String summary = record.getSummary();
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        String text = record.getBody().strip().replaceAll("\\s+", " ");
        if (text.length() <= DESCRIPTION_LENGTH) {
            return text;
        }
        int space = text.lastIndexOf(' ', DESCRIPTION_LENGTH);
        return text.substring(0, space > DESCRIPTION_LENGTH / 2 ? space : DESCRIPTION_LENGTH) + " …";
    }

    /** JSON that a {@code <script>} element can hold: no {@code </script>} or {@code <!--} can appear in it. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static List<Participation> parts(Record record, Role... roles) {
        List<Role> wanted = List.of(roles);
        return record.getParticipations().stream()
                .filter(p -> wanted.contains(p.getRole()))
                .toList();
    }

    private static void putPeople(Map<String, Object> json, String property, List<Participation> parts, String base) {
        if (!parts.isEmpty()) {
            json.put(
                    property,
                    parts.stream()
                            .map(p -> thing(
                                    "Person",
                                    p.getPerson().getName(),
                                    base + "/people/" + segment(p.getPerson().getSlug())))
                            .distinct()
                            .toList());
        }
    }

    private static Map<String, Object> thing(String type, String name, @Nullable String url) {
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("@type", type);
        thing.put("name", name);
        if (url != null) {
            thing.put("url", url);
        }
        return thing;
    }

    private static String segment(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
