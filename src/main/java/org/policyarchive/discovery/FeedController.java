package org.policyarchive.discovery;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.catalogue.BrowseSelection;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.PublishedRecords;
import org.policyarchive.record.PublishedRecords.ChangedRecord;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordLabels;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.search.RecordSearch;
import org.policyarchive.search.SearchCriteria;
import org.policyarchive.search.SearchForm;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.SiteAddress;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The Atom feeds: the newest {@value #ENTRIES} published records by their last change, of the whole archive, of a
 * selection of {@code /records} (kind, year, theme, person, language), of a person, of a theme (with its narrower
 * themes) and of any search. The search index picks and orders the records (it keeps each record's last change), so a
 * feed follows the same filters and query language as the pages it belongs to; PostgreSQL gives what the entries say.
 *
 * <p>Every feed answers conditional requests: its entity tag is a hash of the feed's bytes (weak, so that Tomcat may
 * still gzip it) and its {@code Last-Modified} its newest entry's change, and a request whose {@code If-None-Match} or
 * {@code If-Modified-Since} still holds gets a 304 (Spring's {@code ResponseEntity} handling compares them).
 */
@Controller
class FeedController {

    static final int ENTRIES = 50;

    private static final MediaType ATOM = MediaType.parseMediaType(AtomFeeds.MEDIA_TYPE + ";charset=UTF-8");

    private final RecordSearch search;
    private final PublishedRecords published;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final Kinds kinds;
    private final RecordLabels labels;
    private final AtomFeeds atom;
    private final MessageSource messages;

    FeedController(
            RecordSearch search,
            PublishedRecords published,
            PersonDirectory people,
            ThemeVocabulary themes,
            Kinds kinds,
            RecordLabels labels,
            AtomFeeds atom,
            MessageSource messages) {
        this.search = search;
        this.published = published;
        this.people = people;
        this.themes = themes;
        this.kinds = kinds;
        this.labels = labels;
        this.atom = atom;
        this.messages = messages;
    }

    @InitBinder
    void allowFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/feed.atom")
    ResponseEntity<byte[]> all(HttpServletRequest request, Locale locale) {
        return feed(SearchCriteria.everything(), message("feed.all.title", locale), "/feed.atom", "/", request, locale);
    }

    /** The records of a selection of {@code /records}: its parameters (but the page), checked as that page does. */
    @GetMapping("/records/feed.atom")
    ResponseEntity<byte[]> records(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            Locale locale) {
        BrowseSelection selection = BrowseSelection.read(kind, year, theme, person, lang, kinds, themes, people);
        BrowseFilter filter = selection.filter();
        RecordKind chosenKind = filter.kind();
        Integer chosenYear = filter.year();
        Theme chosenTheme = selection.theme();
        Person chosenPerson = selection.person();
        String language = filter.language();
        SearchCriteria criteria = SearchCriteria.everything()
                .withKind(chosenKind)
                .withTheme(chosenTheme)
                .withPerson(chosenPerson, null)
                .withLanguage(language)
                .withUndated(filter.undated())
                .withDates(
                        chosenYear == null ? null : LocalDate.of(chosenYear, 1, 1),
                        chosenYear == null ? null : LocalDate.of(chosenYear, 12, 31));
        Map<String, @Nullable String> parameters = selection.parameters();
        List<String> chosen = new ArrayList<>();
        if (chosenKind != null) {
            chosen.add(labels.kind(chosenKind));
        }
        if (chosenYear != null) {
            chosen.add(String.valueOf(chosenYear));
        }
        if (filter.undated()) {
            chosen.add(message("record.date.unknown", locale));
        }
        if (chosenTheme != null) {
            chosen.add(chosenTheme.localizedName(locale));
        }
        if (chosenPerson != null) {
            chosen.add(chosenPerson.getName());
        }
        if (language != null) {
            chosen.add(labels.language(language));
        }
        String title = chosen.isEmpty()
                ? message("feed.all.title", locale)
                : message("feed.records.title", locale, String.join(", ", chosen));
        return feed(
                criteria,
                title,
                withQuery("/records/feed.atom", parameters),
                withQuery("/records", parameters),
                request,
                locale);
    }

    /** A person's records in any role; a person merged into another leads to the kept person's feed. */
    @GetMapping("/people/{slug}/feed.atom")
    ResponseEntity<byte[]> person(@PathVariable String slug, HttpServletRequest request, Locale locale) {
        Person person = people.findBySlug(slug).orElse(null);
        if (person == null) {
            Person kept =
                    people.findRedirect(slug).orElseThrow(() -> new NotFoundException("error.notFound.person", slug));
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create("/people/" + segment(kept.getSlug()) + "/feed.atom"))
                    .build();
        }
        String page = "/people/" + segment(person.getSlug());
        return feed(
                SearchCriteria.everything().withPerson(person, null),
                message("feed.person.title", locale, person.getName()),
                page + "/feed.atom",
                page,
                request,
                locale);
    }

    /** A theme's records, those of its narrower themes included, as the theme's page lists them. */
    @GetMapping("/themes/{slug}/feed.atom")
    ResponseEntity<byte[]> theme(@PathVariable String slug, HttpServletRequest request, Locale locale) {
        Theme theme = themes.findBySlug(slug).orElseThrow(() -> new NotFoundException("error.notFound.theme", slug));
        String page = "/themes/" + segment(theme.getSlug());
        return feed(
                SearchCriteria.everything().withTheme(theme),
                message("feed.theme.title", locale, theme.localizedName(locale)),
                page + "/feed.atom",
                page,
                request,
                locale);
    }

    /** A search with the search page's parameters (its sort and page aside), checked as that page checks them. */
    @GetMapping("/search/feed.atom")
    ResponseEntity<byte[]> search(@ModelAttribute SearchForm form, HttpServletRequest request, Locale locale) {
        SearchCriteria criteria = search.criteria(form);
        Map<String, @Nullable String> parameters = new LinkedHashMap<>(form.getParameters());
        parameters.remove("sort");
        parameters.remove("page");
        String title = criteria.query().isEmpty()
                ? message("feed.search.everything.title", locale)
                : message("feed.search.title", locale, criteria.query());
        return feed(
                criteria,
                title,
                withQuery("/search/feed.atom", parameters),
                withQuery("/search", parameters),
                request,
                locale);
    }

    private ResponseEntity<byte[]> feed(
            SearchCriteria criteria,
            String title,
            String selfPath,
            String pagePath,
            HttpServletRequest request,
            Locale locale) {
        List<ChangedRecord> records = published.changed(search.latestChanges(criteria, ENTRIES));
        AtomFeeds.Description description = new AtomFeeds.Description(
                title,
                SiteAddress.absolute(request, selfPath),
                SiteAddress.absolute(request, pagePath),
                message("site.name", locale));
        byte[] body = atom.write(description, records, SiteAddress.base(request), request.getServerName(), locale);
        return ResponseEntity.ok()
                .contentType(ATOM)
                // a reader may keep the feed, but must ask again each time: a 304 answers when nothing changed
                .cacheControl(CacheControl.noCache())
                .eTag("W/\"" + hash(body) + "\"")
                .lastModified(AtomFeeds.updated(records))
                .body(body);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String withQuery(String path, Map<String, @Nullable String> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.build().encode().toUriString();
    }

    private static String segment(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
