package org.policyarchive.person.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.policyarchive.person.Person;

/** The slug of a person merged into another one, kept so that old links still lead somewhere. */
@Entity
@Table(name = "person_redirect")
public class PersonRedirect {

    @Id
    @Column(name = "old_slug", length = 200)
    private String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected PersonRedirect() {
        // for JPA
    }

    public PersonRedirect(String oldSlug, Person person) {
        this.oldSlug = oldSlug;
        this.person = person;
    }

    public Person getPerson() {
        return person;
    }

    public void setPerson(Person person) {
        this.person = person;
    }
}
