package org.policyarchive.citation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonName;
import org.policyarchive.record.Participation;
import org.policyarchive.record.Record;
import org.policyarchive.record.Role;
import org.policyarchive.system.PartialDate;

/**
 * A record as a citation sees it, the one mapping every citation format reads. The authors are the people who presided,
 * lectured or spoke, in the record's order (those who only took part or were mentioned did not author it); the issuing
 * organization is the publisher; the place is where it was published or held; the date is as precise as the record
 * knows it.
 *
 * @param key the citation's key (BibTeX's, and the CSL item's id): the record's slug, or {@code record-<id>} when the
 *     slug is not plain ASCII (a Chinese title's), which not every BibTeX tool reads
 * @param url the record page's absolute address
 * @param accessed the day the citation was made
 */
record CitedWork(
        String key,
        WorkType type,
        String genre,
        String title,
        List<PersonName> authors,
        @Nullable PartialDate issued,
        @Nullable String publisher,
        @Nullable String place,
        String url,
        LocalDate accessed,
        String language) {

    private static final Pattern ASCII_KEY = Pattern.compile("[a-z0-9-]+");

    static final Set<Role> AUTHOR_ROLES = Set.of(Role.PRESIDED, Role.LECTURED, Role.SPOKE);

    static CitedWork of(Record record, String genre, WorkType type, String url, LocalDate accessed) {
        // a person who both presided and spoke is one author
        Map<String, PersonName> authors = new LinkedHashMap<>();
        for (Participation participation : record.getParticipations()) {
            if (AUTHOR_ROLES.contains(participation.getRole())) {
                authors.putIfAbsent(
                        participation.getPerson().getSlug(),
                        PersonName.of(participation.getPerson(), record.getLanguage()));
            }
        }
        String slug = record.getSlug();
        return new CitedWork(
                ASCII_KEY.matcher(slug).matches() ? slug : "record-" + record.getId(),
                type,
                genre,
                record.getTitle(),
                List.copyOf(authors.values()),
                record.getPartialDate(),
                record.getOrganization(),
                record.getPlace(),
                url,
                accessed,
                record.getLanguage());
    }

    /** The date's parts as far as they are known: year, month, day. */
    int[] issuedParts() {
        if (issued == null) {
            return new int[0];
        }
        LocalDate date = issued.date();
        return switch (issued.precision()) {
            case YEAR -> new int[] {date.getYear()};
            case MONTH -> new int[] {date.getYear(), date.getMonthValue()};
            case DAY -> new int[] {date.getYear(), date.getMonthValue(), date.getDayOfMonth()};
        };
    }
}
