package org.policyarchive.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;

/** A person's part in a record: the role, and the office the person held at the time as the source gives it. */
@Entity
@Table(name = "participation")
public class Participation {

    // ids come from the column's sequence 50 at a time, so that a bulk import's inserts go in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participation_ids")
    @SequenceGenerator(name = "participation_ids", sequenceName = "participation_id_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id")
    private Record record;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(length = 300)
    private @Nullable String office;

    @Column(nullable = false)
    private int position;

    protected Participation() {
        // for JPA
    }

    Participation(Record record, Person person, Role role, @Nullable String office, int position) {
        this.record = record;
        this.person = person;
        this.role = role;
        this.office = office;
        this.position = position;
    }

    public @Nullable Long getId() {
        return id;
    }

    public Record getRecord() {
        return record;
    }

    public Person getPerson() {
        return person;
    }

    void setPerson(Person person) {
        this.person = person;
    }

    public Role getRole() {
        return role;
    }

    public @Nullable String getOffice() {
        return office;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }
}
