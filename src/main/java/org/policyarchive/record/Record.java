package org.policyarchive.record;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;
import org.policyarchive.theme.Theme;

/**
 * A policy document, speech or session record: the aggregate root. The body keeps the source's paragraphs,
 * separated by one blank line, exactly as the source gives them.
 */
@Entity
@Table(name = "record")
public class Record {

    /** What separates paragraphs in {@link #getBody()}. */
    public static final String PARAGRAPH_SEPARATOR = "\n\n";

    // ids come from the column's sequence 50 at a time, so that a bulk import's inserts go in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_ids")
    @SequenceGenerator(name = "record_ids", sequenceName = "record_id_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String slug;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(nullable = false, length = 60)
    private RecordKind kind;

    private @Nullable LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", length = 10)
    private @Nullable DatePrecision datePrecision;

    @Column(length = 300)
    private @Nullable String place;

    @Column(length = 300)
    private @Nullable String organization;

    @Column(nullable = false, length = 35)
    private String language;

    private @Nullable String summary;

    @Column(nullable = false)
    private String body;

    private @Nullable String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RecordStatus status = RecordStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "translation_id")
    private @Nullable Record translation;

    @OneToMany(mappedBy = "record", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Participation> participations = new ArrayList<>();

    @ManyToMany
    @JoinTable(
            name = "record_theme",
            joinColumns = @JoinColumn(name = "record_id"),
            inverseJoinColumns = @JoinColumn(name = "theme_id"))
    private Set<Theme> themes = new LinkedHashSet<>();

    @OneToMany(mappedBy = "record", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EditorialNote> notes = new ArrayList<>();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "created_by", length = 100)
    private @Nullable String createdBy;

    @Column(name = "updated_by", length = 100)
    private @Nullable String updatedBy;

    protected Record() {
        // for JPA
    }

    Record(String slug, String title, RecordKind kind, String language, String body) {
        this.slug = slug;
        this.title = title;
        this.kind = kind;
        this.language = language;
        this.body = body;
    }

    /** The body's paragraphs in order. */
    public List<String> getParagraphs() {
        return Arrays.stream(body.split(PARAGRAPH_SEPARATOR))
                .filter(paragraph -> !paragraph.isBlank())
                .toList();
    }

    public boolean isPublished() {
        return status == RecordStatus.PUBLISHED;
    }

    /** The participations with the given role, in the record's order. */
    public List<Participation> getParticipations(Role role) {
        return participations.stream().filter(p -> p.getRole() == role).toList();
    }

    /** The record's themes, broader themes first, then by name. */
    public List<Theme> getSortedThemes() {
        return themes.stream()
                .sorted(Comparator.comparing((Theme t) -> t.getParent() != null).thenComparing(Theme::getName))
                .toList();
    }

    Participation addParticipation(Person person, Role role, @Nullable String office) {
        Participation participation = new Participation(this, person, role, office, participations.size() + 1);
        participations.add(participation);
        return participation;
    }

    /** Numbers the participations 1, 2, 3 ... in their list order, after rows were removed or moved. */
    private void renumberParticipations() {
        for (int i = 0; i < participations.size(); i++) {
            participations.get(i).setPosition(i + 1);
        }
    }

    void addNote(String text) {
        notes.add(new EditorialNote(this, text, notes.size() + 1));
    }

    void touch(@Nullable String username) {
        this.updatedAt = Instant.now();
        this.updatedBy = username;
        if (this.createdBy == null) {
            this.createdBy = username;
        }
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    public RecordKind getKind() {
        return kind;
    }

    void setKind(RecordKind kind) {
        this.kind = kind;
    }

    public @Nullable LocalDate getDate() {
        return date;
    }

    public @Nullable DatePrecision getDatePrecision() {
        return datePrecision;
    }

    /** The date with how much of it is known, or null. */
    public @Nullable PartialDate getPartialDate() {
        return PartialDate.of(date, datePrecision);
    }

    void setDate(@Nullable PartialDate date) {
        this.date = date == null ? null : date.date();
        this.datePrecision = date == null ? null : date.precision();
    }

    public @Nullable String getPlace() {
        return place;
    }

    void setPlace(@Nullable String place) {
        this.place = place;
    }

    public @Nullable String getOrganization() {
        return organization;
    }

    void setOrganization(@Nullable String organization) {
        this.organization = organization;
    }

    public String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    void setBody(String body) {
        this.body = body;
    }

    public @Nullable String getSource() {
        return source;
    }

    void setSource(@Nullable String source) {
        this.source = source;
    }

    public RecordStatus getStatus() {
        return status;
    }

    void setStatus(RecordStatus status) {
        this.status = status;
    }

    public @Nullable Record getTranslation() {
        return translation;
    }

    void setTranslation(@Nullable Record translation) {
        this.translation = translation;
    }

    public List<Participation> getParticipations() {
        return Collections.unmodifiableList(participations);
    }

    public Set<Theme> getThemes() {
        return Collections.unmodifiableSet(themes);
    }

    public List<EditorialNote> getNotes() {
        return Collections.unmodifiableList(notes);
    }

    /** Drops every person and note, before the new ones of a change go in. */
    void clearParticipationsAndNotes() {
        participations.clear();
        notes.clear();
    }

    void removeParticipation(Participation participation) {
        participations.remove(participation);
        renumberParticipations();
    }

    void setThemes(Collection<Theme> chosen) {
        themes.clear();
        themes.addAll(chosen);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable String getCreatedBy() {
        return createdBy;
    }

    public @Nullable String getUpdatedBy() {
        return updatedBy;
    }
}
