package org.policyarchive.person;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A person as an authority record: one page, one slug, however many ways the sources spell the name. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String slug;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "native_name", length = 300)
    private @Nullable String nativeName;

    private @Nullable String description;

    @ElementCollection
    @CollectionTable(name = "person_alias", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "alias", nullable = false, length = 300)
    private Set<String> aliases = new TreeSet<>();

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PersonOffice> offices = new ArrayList<>();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Person() {
        // for JPA
    }

    public Person(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.updatedAt = Instant.now();
    }

    public @Nullable String getNativeName() {
        return nativeName;
    }

    public void setNativeName(@Nullable String nativeName) {
        this.nativeName = nativeName;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    /** Every name the person goes by: the name, the name in the original script, the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        if (nativeName != null) {
            names.add(nativeName);
        }
        names.addAll(aliases);
        return names;
    }

    public Set<String> getAliases() {
        return aliases;
    }

    public List<PersonOffice> getOffices() {
        return offices;
    }

    public PersonOffice addOffice(String title, @Nullable String organization) {
        PersonOffice office = new PersonOffice(this, title, organization, offices.size() + 1);
        offices.add(office);
        return office;
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
}
