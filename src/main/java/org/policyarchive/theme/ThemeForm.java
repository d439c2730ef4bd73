package org.policyarchive.theme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** The theme admin form: names in English and Chinese, the broader theme and a description. */
class ThemeForm {

    /** The longest name (its column's length). */
    static final int NAME_MAX = 300;

    static final int DESCRIPTION_MAX = 5_000;

    private @Nullable Long version;

    @NotBlank(message = "{theme.name.required}")
    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String name;

    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String nameZh;

    private @Nullable Long parentId;

    @Size(max = DESCRIPTION_MAX, message = "{theme.description.size}")
    @NoControlCharacters(multiLine = true)
    private @Nullable String description;

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getNameZh() {
        return nameZh;
    }

    public void setNameZh(@Nullable String nameZh) {
        this.nameZh = nameZh;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }
}
