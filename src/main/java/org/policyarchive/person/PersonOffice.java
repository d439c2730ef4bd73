package org.policyarchive.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An office a person held, with its dates when known. */
@Entity
@Table(name = "person_office")
public class PersonOffice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 300)
    private @Nullable String organization;

    @Column(name = "start_date")
    private @Nullable LocalDate startDate;

    @Column(name = "end_date")
    private @Nullable LocalDate endDate;

    @Column(nullable = false)
    private int position;

    protected PersonOffice() {
        // for JPA
    }

    PersonOffice(Person person, String title, @Nullable String organization, int position) {
        this.person = person;
        this.title = title;
        this.organization = organization;
        this.position = position;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getOrganization() {
        return organization;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }

    public int getPosition() {
        return position;
    }
}
