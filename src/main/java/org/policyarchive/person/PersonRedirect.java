package org.policyarchive.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The slug of a person merged into another one, kept so that old links still lead somewhere. */
@Entity
@Table(name = "person_redirect")
class PersonRedirect {

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

    PersonRedirect(String oldSlug, Person person) {
        this.oldSlug = oldSlug;
        this.person = person;
    }

    Person getPerson() {
        return person;
    }

    void setPerson(Person person) {
        this.person = person;
    }
}
