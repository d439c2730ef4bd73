package org.policyarchive.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.person.PersonOffice;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.Participation;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.system.PartialDate;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.policyarchive.theme.ThemeVocabulary.ThemeNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the API shows, through the record, person and theme facades, and turns the entities into the API's
 * representations inside one read-only transaction, so that their people, themes, notes, aliases and offices load in
 * batches there.
 */
@Service
@Transactional(readOnly = true)
class ApiReader {

    private final Kinds kinds;
    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final RecordBrowser browser;

    ApiReader(
            RecordCatalog catalog, PersonDirectory people, ThemeVocabulary themes, Kinds kinds, RecordBrowser browser) {
        this.catalog = catalog;
        this.kinds = kinds;
        this.people = people;
        this.themes = themes;
        this.browser = browser;
    }

    Optional<ApiRecord> record(String slug) {
        return catalog.findBySlug(slug).map(this::record);
    }

    Optional<ApiRecord> record(long id) {
        return catalog.findById(id).map(this::record);
    }

    /** The records with these ids, in this order, skipping any that is gone or not published any more. */
    List<ApiRecord> publishedRecords(List<Long> ids) {
        return catalog.findAllById(ids).stream()
                .filter(record -> record.getStatus() == RecordStatus.PUBLISHED)
                .map(this::record)
                .toList();
    }

    ApiRecord record(Record record) {
        PartialDate date = record.getPartialDate();
        Record translation = record.getTranslation();
        return new ApiRecord(
                record.getId(),
                record.getSlug(),
                record.getTitle(),
                date == null ? null : date.toString(),
                kinds.label(record.getKind()),
                record.getLanguage(),
                record.getPlace(),
                record.getOrganization(),
                record.getSummary(),
                record.getParticipations().stream().map(ApiReader::speaker).toList(),
                record.getSortedThemes().stream().map(Theme::getName).toList(),
                record.getBody(),
                record.getSource(),
                record.getNotes().stream().map(note -> note.getBody()).toList(),
                record.getStatus().name().toLowerCase(Locale.ROOT),
                translation == null ? null : translation.getSlug(),
                record.getVersion(),
                record.getUpdatedAt(),
                new ApiRecord.Links(
                        ApiLinks.to("/api/records/{slug}", record.getSlug()),
                        ApiLinks.to("/records/{slug}", record.getSlug())));
    }

    private static ApiRecord.Speaker speaker(Participation part) {
        return new ApiRecord.Speaker(
                part.getPerson().getName(),
                part.getRole().code(),
                part.getOffice(),
                part.getPerson().getSlug());
    }

    /** Everyone, by name, with how many published records name each. */
    List<ApiPerson.Summary> people() {
        Map<Long, Long> counts = browser.countPublished().byPerson();
        return people.findAllByName().stream()
                .map(person -> new ApiPerson.Summary(
                        person.getId(),
                        person.getSlug(),
                        person.getName(),
                        person.getNativeName(),
                        counts.getOrDefault(person.getId(), 0L),
                        personLinks(person.getSlug())))
                .toList();
    }

    Optional<ApiPerson.Detail> person(String slug) {
        return people.findBySlug(slug)
                .map(person -> new ApiPerson.Detail(
                        person.getId(),
                        person.getSlug(),
                        person.getName(),
                        person.getNativeName(),
                        person.getDescription(),
                        person.getAliases().stream().sorted().toList(),
                        person.getOffices().stream()
                                .sorted(Comparator.comparingInt(PersonOffice::getPosition))
                                .map(office -> new ApiPerson.Office(
                                        office.getTitle(),
                                        office.getOrganization(),
                                        office.getStartDate(),
                                        office.getEndDate()))
                                .toList(),
                        browser.countPublished().byPerson().getOrDefault(person.getId(), 0L),
                        person.getVersion(),
                        personLinks(person.getSlug())));
    }

    /** The slug of the person that a merged person's old slug now leads to. */
    Optional<String> movedPerson(String slug) {
        return people.findRedirect(slug).map(Person::getSlug);
    }

    private static ApiPerson.Links personLinks(String slug) {
        return new ApiPerson.Links(
                ApiLinks.to("/api/people/{slug}", slug),
                ApiLinks.to("/people/{slug}", slug),
                ApiLinks.withQuery("/api/records", Map.of("person", slug)));
    }

    /** The two-level vocabulary, each broader theme with its narrower ones and the published records of each. */
    List<ApiTheme.Node> themes() {
        Map<Long, Long> counts = browser.countPublished().byTheme();
        return themes.tree().stream()
                .map(node -> new ApiTheme.Node(
                        themeSummary(node.theme(), counts),
                        node.children().stream()
                                .map(child -> themeSummary(child, counts))
                                .toList()))
                .toList();
    }

    Optional<ApiTheme.Detail> theme(String slug) {
        Map<Long, Long> counts = browser.countPublished().byTheme();
        for (ThemeNode node : themes.tree()) {
            if (node.theme().getSlug().equals(slug)) {
                return Optional.of(themeDetail(
                        node.theme(),
                        null,
                        node.children().stream()
                                .map(child -> themeSummary(child, counts))
                                .toList(),
                        counts));
            }
            for (Theme child : node.children()) {
                if (child.getSlug().equals(slug)) {
                    return Optional.of(themeDetail(child, themeSummary(node.theme(), counts), List.of(), counts));
                }
            }
        }
        return Optional.empty();
    }

    private static ApiTheme.Detail themeDetail(
            Theme theme, ApiTheme.@Nullable Summary broader, List<ApiTheme.Summary> narrower, Map<Long, Long> counts) {
        return new ApiTheme.Detail(
                theme.getId(),
                theme.getSlug(),
                theme.getName(),
                theme.getNameZh(),
                theme.getDescription(),
                broader,
                narrower,
                counts.getOrDefault(theme.getId(), 0L),
                theme.getVersion(),
                themeLinks(theme.getSlug()));
    }

    private static ApiTheme.Summary themeSummary(Theme theme, Map<Long, Long> counts) {
        return new ApiTheme.Summary(
                theme.getId(),
                theme.getSlug(),
                theme.getName(),
                theme.getNameZh(),
                counts.getOrDefault(theme.getId(), 0L),
                themeLinks(theme.getSlug()));
    }

    private static ApiTheme.Links themeLinks(String slug) {
        return new ApiTheme.Links(
                ApiLinks.to("/api/themes/{slug}", slug),
                ApiLinks.to("/themes/{slug}", slug),
                ApiLinks.withQuery("/api/records", Map.of("theme", slug)));
    }
}
