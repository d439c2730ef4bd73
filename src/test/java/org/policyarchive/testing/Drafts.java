package org.policyarchive.testing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;

/**
 * Record drafts for tests, written as the record form would give them, to be saved through the record module's one
 * write API: {@code editor.create(Drafts.speech("Title").by("Jane Doe", Role.SPOKE).build(), "test", null)}. A draft
 * is a published English speech with one paragraph until told otherwise.
 */
public final class Drafts {

    private @Nullable String slug;
    private String title;
    private RecordKind kind = RecordKind.SPEECH;
    private @Nullable String date;
    private String language = "en";
    private @Nullable String place;
    private @Nullable String organization;
    private @Nullable String summary;
    private String body = "A paragraph of the record's text.";
    private @Nullable String source;
    private RecordStatus status = RecordStatus.PUBLISHED;
    private @Nullable String translationSlug;
    private final List<RecordDraft.PersonRow> people = new ArrayList<>();
    private final List<RecordDraft.ThemeRef> themes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Drafts(String title) {
        this.title = title;
    }

    public static Drafts speech(String title) {
        return new Drafts(title);
    }

    public Drafts slug(String slug) {
        this.slug = slug;
        return this;
    }

    public Drafts kind(RecordKind kind) {
        this.kind = kind;
        return this;
    }

    /** As written: {@code 2023-08-21}, {@code 2023-08} or {@code 2023}. */
    public Drafts date(String date) {
        this.date = date;
        return this;
    }

    public Drafts language(String language) {
        this.language = language;
        return this;
    }

    public Drafts place(String place) {
        this.place = place;
        return this;
    }

    public Drafts organization(String organization) {
        this.organization = organization;
        return this;
    }

    public Drafts summary(String summary) {
        this.summary = summary;
        return this;
    }

    public Drafts body(String body) {
        this.body = body;
        return this;
    }

    public Drafts source(String source) {
        this.source = source;
        return this;
    }

    public Drafts status(RecordStatus status) {
        this.status = status;
        return this;
    }

    public Drafts translationOf(String slug) {
        this.translationSlug = slug;
        return this;
    }

    /** A person by name, found or created on save. */
    public Drafts by(String name, Role role) {
        people.add(new RecordDraft.PersonRow(null, name, role, null));
        return this;
    }

    public Drafts by(String name, Role role, String office) {
        people.add(new RecordDraft.PersonRow(null, name, role, office));
        return this;
    }

    /** A theme by name, found or created on save. */
    public Drafts theme(String name) {
        themes.add(new RecordDraft.ThemeRef(null, name));
        return this;
    }

    public Drafts note(String note) {
        notes.add(note);
        return this;
    }

    public RecordDraft build() {
        return new RecordDraft(
                slug,
                title,
                kind,
                date,
                null,
                place,
                organization,
                language,
                summary,
                body,
                source,
                status,
                translationSlug,
                people,
                themes,
                notes);
    }
}
