package org.policyarchive.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A note by the archive's editors, shown apart from the source text, which stays verbatim. */
@Entity
@Table(name = "editorial_note")
public class EditorialNote {

    // ids come from the column's sequence 50 at a time, so that a bulk import's inserts go in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "editorial_note_ids")
    @SequenceGenerator(name = "editorial_note_ids", sequenceName = "editorial_note_id_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id")
    private Record record;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected EditorialNote() {
        // for JPA
    }

    EditorialNote(Record record, String body, int position) {
        this.record = record;
        this.body = body;
        this.position = position;
    }

    public String getBody() {
        return body;
    }

    public int getPosition() {
        return position;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
