package org.policyarchive.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;

/**
 * What the record form binds: every field as the editor typed it, so that a form with errors comes back unchanged.
 * The date stays text ({@code 2023-08-21}, {@code 2023-08} or {@code 2023} with its precision) until it is checked.
 * Uploads and imports prefill one of these for review; {@link RecordEditor} turns it into a record.
 */
public class RecordForm {

    public static final int TITLE_MAX = 500;
    public static final int SUMMARY_MAX = 5_000;
    public static final int BODY_MAX = 1_000_000;
    public static final int FIELD_MAX = 300;
    public static final int SOURCE_MAX = 5_000;
    public static final int NOTE_MAX = 5_000;
    public static final int COMMENT_MAX = 500;

    /** The record's version the editor started from; {@code null} for a new record. */
    private @Nullable Long version;

    @Size(max = 200, message = "{record.slug.size}")
    private @Nullable String slug;

    @NotBlank(message = "{record.title.required}")
    @Size(max = TITLE_MAX, message = "{record.title.size}")
    private @Nullable String title;

    @NotNull(message = "{record.kind.required}")
    private @Nullable RecordKind kind;

    private @Nullable String date;

    private @Nullable DatePrecision datePrecision;

    @Size(max = FIELD_MAX, message = "{record.field.size}")
    private @Nullable String place;

    @Size(max = FIELD_MAX, message = "{record.field.size}")
    private @Nullable String organization;

    @NotBlank(message = "{record.language.required}")
    @Size(max = 35, message = "{record.language.invalid}")
    private @Nullable String language = "en";

    @Size(max = SUMMARY_MAX, message = "{record.summary.size}")
    private @Nullable String summary;

    @NotBlank(message = "{record.body.required}")
    @Size(max = BODY_MAX, message = "{record.body.size}")
    private @Nullable String body;

    @Size(max = SOURCE_MAX, message = "{record.source.size}")
    private @Nullable String source;

    @NotNull(message = "{record.status.required}")
    private @Nullable RecordStatus status = RecordStatus.DRAFT;

    @Valid
    private List<PersonRow> people = new ArrayList<>();

    /** Ids of existing themes picked from the vocabulary. */
    private List<Long> themeIds = new ArrayList<>();

    /** Names of further themes, one a line or separated by commas; unknown names create broader themes. */
    @Size(max = SOURCE_MAX, message = "{record.field.size}")
    private @Nullable String newThemes;

    private List<@Size(max = NOTE_MAX, message = "{record.note.size}") String> notes = new ArrayList<>();

    /** The slug of the record that is this one's translation. */
    @Size(max = 200, message = "{record.translation.unknown}")
    private @Nullable String translationSlug;

    /** Why the editor made this change; stored with the revision. */
    @Size(max = COMMENT_MAX, message = "{record.comment.size}")
    private @Nullable String comment;

    /** One person in the record: an existing person by id, or a name that finds or creates one. */
    public static class PersonRow {

        private @Nullable Long personId;

        @Size(max = FIELD_MAX, message = "{record.field.size}")
        private @Nullable String name;

        private @Nullable Role role = Role.PARTICIPATED;

        @Size(max = FIELD_MAX, message = "{record.field.size}")
        private @Nullable String office;

        public PersonRow() {}

        public PersonRow(@Nullable Long personId, @Nullable String name, @Nullable Role role, @Nullable String office) {
            this.personId = personId;
            this.name = name;
            this.role = role;
            this.office = office;
        }

        /** A row with nothing typed in it; such rows are dropped on save. */
        public boolean isBlank() {
            return personId == null && (name == null || name.isBlank());
        }

        public @Nullable Long getPersonId() {
            return personId;
        }

        public void setPersonId(@Nullable Long personId) {
            this.personId = personId;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable Role getRole() {
            return role;
        }

        public void setRole(@Nullable Role role) {
            this.role = role;
        }

        public @Nullable String getOffice() {
            return office;
        }

        public void setOffice(@Nullable String office) {
            this.office = office;
        }
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }

    public @Nullable String getSlug() {
        return slug;
    }

    public void setSlug(@Nullable String slug) {
        this.slug = slug;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable RecordKind getKind() {
        return kind;
    }

    public void setKind(@Nullable RecordKind kind) {
        this.kind = kind;
    }

    public @Nullable String getDate() {
        return date;
    }

    public void setDate(@Nullable String date) {
        this.date = date;
    }

    public @Nullable DatePrecision getDatePrecision() {
        return datePrecision;
    }

    public void setDatePrecision(@Nullable DatePrecision datePrecision) {
        this.datePrecision = datePrecision;
    }

    public @Nullable String getPlace() {
        return place;
    }

    public void setPlace(@Nullable String place) {
        this.place = place;
    }

    public @Nullable String getOrganization() {
        return organization;
    }

    public void setOrganization(@Nullable String organization) {
        this.organization = organization;
    }

    public @Nullable String getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable String language) {
        this.language = language;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    public @Nullable String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body;
    }

    public @Nullable String getSource() {
        return source;
    }

    public void setSource(@Nullable String source) {
        this.source = source;
    }

    public @Nullable RecordStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable RecordStatus status) {
        this.status = status;
    }

    public List<PersonRow> getPeople() {
        return people;
    }

    public void setPeople(List<PersonRow> people) {
        this.people = people;
    }

    public List<Long> getThemeIds() {
        return themeIds;
    }

    public void setThemeIds(List<Long> themeIds) {
        this.themeIds = themeIds;
    }

    public @Nullable String getNewThemes() {
        return newThemes;
    }

    public void setNewThemes(@Nullable String newThemes) {
        this.newThemes = newThemes;
    }

    public List<String> getNotes() {
        return notes;
    }

    public void setNotes(List<String> notes) {
        this.notes = notes;
    }

    public @Nullable String getTranslationSlug() {
        return translationSlug;
    }

    public void setTranslationSlug(@Nullable String translationSlug) {
        this.translationSlug = translationSlug;
    }

    public @Nullable String getComment() {
        return comment;
    }

    public void setComment(@Nullable String comment) {
        this.comment = comment;
    }
}
