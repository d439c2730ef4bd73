package org.policyarchive.theme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A theme of the two-level vocabulary, named in English and, where known, in Chinese. */
@Entity
@Table(name = "theme")
public class Theme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String slug;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "name_zh", length = 300)
    private @Nullable String nameZh;

    private @Nullable String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable Theme parent;

    @Column(nullable = false)
    private int position;

    @Version
    private long version;

    protected Theme() {
        // for JPA
    }

    public Theme(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The name in the reader's language, falling back to English. */
    public String localizedName(Locale locale) {
        return "zh".equals(locale.getLanguage()) && nameZh != null ? nameZh : name;
    }

    public @Nullable String getNameZh() {
        return nameZh;
    }

    public void setNameZh(@Nullable String nameZh) {
        this.nameZh = nameZh;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable Theme getParent() {
        return parent;
    }

    public void setParent(@Nullable Theme parent) {
        this.parent = parent;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public long getVersion() {
        return version;
    }
}
