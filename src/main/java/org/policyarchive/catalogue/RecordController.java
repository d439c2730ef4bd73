package org.policyarchive.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.citation.Citations;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.Participation;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordLabels;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.search.BrowsePage;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.search.SearchSort;
import org.policyarchive.system.FeedLink;
import org.policyarchive.system.GoneException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.SiteAddress;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public record pages: the list with its filters, and one record to read. */
@Controller
class RecordController {

    private final RecordCatalog catalog;
    private final RecordBrowser browser;
    private final ThemeVocabulary themes;
    private final Kinds kinds;
    private final PersonDirectory people;
    private final RecordLabels labels;
    private final Citations citations;
    private final MessageSource messages;

    RecordController(
            RecordCatalog catalog,
            RecordBrowser browser,
            ThemeVocabulary themes,
            Kinds kinds,
            PersonDirectory people,
            RecordLabels labels,
            Citations citations,
            MessageSource messages) {
        this.catalog = catalog;
        this.browser = browser;
        this.themes = themes;
        this.kinds = kinds;
        this.people = people;
        this.labels = labels;
        this.citations = citations;
        this.messages = messages;
    }

    @GetMapping("/records")
    String list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Locale locale,
            Model model) {
        int pageNumber = BrowseParameters.page(page);
        SearchSort order = BrowseParameters.sort(sort);
        BrowseSelection selection = BrowseSelection.read(kind, year, theme, person, lang, kinds, themes, people);
        BrowseFilter filter = selection.filter();

        BrowsePage result = browser.browse(filter, order, pageNumber);
        requireExistingPage(result);
        Map<String, @Nullable String> parameters = selection.parameters();
        Map<String, @Nullable String> sorted = new LinkedHashMap<>(parameters);
        sorted.put("sort", BrowseParameters.sortParameter(order));
        BrowseLinks links = new BrowseLinks("/records", sorted);
        model.addAttribute(
                "browse",
                BrowseView.of(
                        result,
                        filter,
                        selection.theme(),
                        selection.person(),
                        links,
                        labels,
                        messages.getMessage("record.date.unknown", null, locale),
                        locale));
        model.addAttribute("sort", order);
        model.addAttribute("sorts", SearchSort.LIST_ORDERS);
        model.addAttribute(
                FeedLink.MODEL_ATTRIBUTE,
                filter.isEmpty()
                        ? new FeedLink("/feed.atom", "feed.all.title", null)
                        : new FeedLink(
                                new BrowseLinks("/records/feed.atom", parameters).page(1),
                                "feed.records.link.title",
                                null));
        return "catalogue/records";
    }

    @GetMapping("/records/{slug}")
    String show(@PathVariable String slug, Model model, HttpServletRequest request, Locale locale) {
        Record record = catalog.findBySlug(slug)
                .filter(r -> r.getStatus() != RecordStatus.DRAFT)
                .orElseThrow(() -> new RecordNotFoundException(slug));
        if (record.getStatus() == RecordStatus.WITHDRAWN) {
            throw new GoneException(record.getTitle(), "record.withdrawn");
        }
        model.addAttribute("record", record);
        RecordMetadata metadata = RecordMetadata.of(
                record, SiteAddress.base(request), messages.getMessage("site.name", null, locale), labels);
        model.addAttribute("recordMetadata", metadata);
        model.addAttribute("recordUrl", metadata.canonical());
        model.addAttribute("citations", citations.of(record, metadata.canonical()));
        model.addAttribute("roles", RoleGroup.of(record.getParticipations()));
        model.addAttribute("sourcePieces", SourceLinks.pieces(record.getSource()));
        // a draft or withdrawn translation is not linked: readers would meet a 404 or a 410
        Record translation = record.getTranslation();
        model.addAttribute(
                "translation",
                translation != null && translation.getStatus() == RecordStatus.PUBLISHED ? translation : null);
        return "catalogue/record";
    }

    /** A page past the last one does not exist; an empty first page does, and says that nothing matched. */
    static void requireExistingPage(BrowsePage result) {
        if (result.page() > result.totalPages()) {
            throw new NotFoundException("error.notFound.page", result.page());
        }
    }

    /** The participations with one role, for pages that list people by the part they took. */
    record RoleGroup(Role role, List<Participation> participations) {

        static List<RoleGroup> of(List<Participation> participations) {
            return Arrays.stream(Role.values())
                    .map(role -> new RoleGroup(
                            role,
                            participations.stream()
                                    .filter(p -> p.getRole() == role)
                                    .toList()))
                    .filter(group -> !group.participations().isEmpty())
                    .toList();
        }
    }
}
