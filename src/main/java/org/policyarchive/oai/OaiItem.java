package org.policyarchive.oai;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.PartialDate;

/**
 * One record as OAI-PMH shows it: its header (identifier, datestamp, sets, deleted or not) and what its Dublin Core
 * is made of. Read without the record's body, which the metadata does not carry.
 */
final class OaiItem {

    /** A person named in the record, in the record's order. */
    record Part(String name, Role role) {}

    /** A theme of the record: its slug (the set) and its names. */
    record Subject(String slug, String name, @Nullable String nameZh) {}

    final long id;
    final String slug;
    final RecordStatus status;
    /** {@code updated_at} as stored (microseconds): the position in a list. */
    final Instant updatedAt;

    final RecordKind kind;
    final String title;
    final String language;
    final @Nullable String summary;
    final @Nullable String organization;
    final @Nullable PartialDate date;
    final @Nullable String place;
    final @Nullable String source;
    final List<Part> parts = new ArrayList<>();
    final List<Subject> subjects = new ArrayList<>();
    /** The slugs of the published records linked to this one as its translations, either way round. */
    final List<String> translations = new ArrayList<>();

    OaiItem(
            long id,
            String slug,
            RecordStatus status,
            Instant updatedAt,
            RecordKind kind,
            String title,
            String language,
            @Nullable String summary,
            @Nullable String organization,
            @Nullable PartialDate date,
            @Nullable String place,
            @Nullable String source) {
        this.id = id;
        this.slug = slug;
        this.status = status;
        this.updatedAt = updatedAt;
        this.kind = kind;
        this.title = title;
        this.language = language;
        this.summary = summary;
        this.organization = organization;
        this.date = date;
        this.place = place;
        this.source = source;
    }

    /** Withdrawn records are shown as deleted: the header only, no metadata. */
    boolean deleted() {
        return status == RecordStatus.WITHDRAWN;
    }

    /** The datestamp, to the second (the repository's granularity). */
    Instant datestamp() {
        return updatedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The sets the record belongs to, as setSpecs: its kind and each of its themes. */
    List<String> setSpecs() {
        List<String> specs = new ArrayList<>();
        specs.add(OaiSets.kindSpec(kind));
        subjects.forEach(subject -> specs.add(OaiSets.themeSpec(subject.slug())));
        return specs;
    }
}
