package org.policyarchive.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.DatePrecision;

/**
 * What the record form binds: every field as the editor typed it, so that a form with errors comes back unchanged.
 * The date stays text ({@code 2023-08-21}, {@code 2023-08} or {@code 2023} with its precision) until the record's
 * rules read it. Uploads prefill one from what their file proposes ({@link #of}); {@link #toDraft} hands it to
 * {@link RecordEditor}, whose rules check it, as they check every other way in.
 */
public class RecordForm {

    /**
     * The most theme names {@link #newThemes} may hold: each unknown one creates a theme, and a vocabulary grows by
     * an editor's choice, not by a pasted list.
     */
    static final int NEW_THEMES_MAX = 20;

    /** The record's version the editor started from; {@code null} for a new record. */
    private @Nullable Long version;

    private @Nullable String slug;
    private @Nullable String title;
    private @Nullable RecordKind kind;
    private @Nullable String date;
    private @Nullable DatePrecision datePrecision;
    private @Nullable String place;
    private @Nullable String organization;
    private @Nullable String language = "en";
    private @Nullable String summary;
    private @Nullable String body;
    private @Nullable String source;
    private @Nullable RecordStatus status = RecordStatus.DRAFT;
    private List<PersonRow> people = new ArrayList<>();

    /** Ids of existing themes picked from the vocabulary. */
    private List<Long> themeIds = new ArrayList<>();

    /** Names of further themes, one a line or separated by commas; unknown names create broader themes. */
    private @Nullable String newThemes;

    private List<String> notes = new ArrayList<>();

    /** The slug of the record that is this one's translation. */
    private @Nullable String translationSlug;

    /** Why the editor made this change; stored with the revision. */
    private @Nullable String comment;

    /** A form filled in with a draft: themes with an id are picked from the vocabulary, others are typed names. */
    public static RecordForm of(RecordDraft draft) {
        RecordForm form = new RecordForm();
        form.setSlug(draft.slug());
        form.setTitle(draft.title());
        form.setKind(draft.kind());
        form.setDate(draft.date());
        form.setDatePrecision(draft.date() == null ? null : draft.datePrecision());
        form.setPlace(draft.place());
        form.setOrganization(draft.organization());
        form.setLanguage(draft.language());
        form.setSummary(draft.summary());
        form.setBody(draft.body());
        form.setSource(draft.source());
        form.setStatus(draft.status());
        form.setTranslationSlug(draft.translationSlug());
        draft.people()
                .forEach(row ->
                        form.getPeople().add(new PersonRow(row.personId(), row.name(), row.role(), row.office())));
        List<String> typed = new ArrayList<>();
        for (RecordDraft.ThemeRef theme : draft.themes()) {
            if (theme.themeId() != null) {
                form.getThemeIds().add(theme.themeId());
            } else if (theme.name() != null) {
                typed.add(theme.name());
            }
        }
        form.setNewThemes(typed.isEmpty() ? null : String.join("\n", typed));
        form.getNotes().addAll(draft.notes());
        return form;
    }

    /** What was typed, as a draft for the record's rules; rows keep their positions, so errors find their fields. */
    public RecordDraft toDraft() {
        List<RecordDraft.ThemeRef> themes = new ArrayList<>();
        themeIds.stream().filter(Objects::nonNull).forEach(id -> themes.add(new RecordDraft.ThemeRef(id, null)));
        newThemeNames().forEach(name -> themes.add(new RecordDraft.ThemeRef(null, name)));
        return new RecordDraft(
                slug,
                title,
                kind,
                date,
                datePrecision,
                place,
                organization,
                language,
                summary,
                body,
                source,
                status,
                translationSlug,
                people.stream()
                        .map(row -> row == null
                                ? new RecordDraft.PersonRow(null, null, null, null)
                                : new RecordDraft.PersonRow(row.personId, row.name, row.role, row.office))
                        .toList(),
                themes,
                notes.stream().map(note -> note == null ? "" : note).toList());
    }

    /** The theme names typed in {@link #newThemes}, one a line or separated by commas, each once (ignoring case). */
    List<String> newThemeNames() {
        if (newThemes == null) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Arrays.stream(newThemes.split("[,\\n\\r]+"))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        return List.copyOf(names.values());
    }

    /** One person in the record: an existing person by id, or a name that finds or creates one. */
    public static class PersonRow {

        private @Nullable Long personId;
        private @Nullable String name;
        private @Nullable Role role = Role.PARTICIPATED;
        private @Nullable String office;

        public PersonRow() {}

        public PersonRow(@Nullable Long personId, @Nullable String name, @Nullable Role role, @Nullable String office) {
            this.personId = personId;
            this.name = name;
            this.role = role;
            this.office = office;
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
