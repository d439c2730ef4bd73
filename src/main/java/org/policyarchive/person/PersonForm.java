package org.policyarchive.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** The person admin form: names, aliases (one a line) and offices held. */
class PersonForm {

    /** The longest name, alias, office title or organization (their columns' length). */
    static final int NAME_MAX = 300;

    static final int DESCRIPTION_MAX = 5_000;

    private @Nullable Long version;

    @NotBlank(message = "{person.name.required}")
    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String name;

    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String nativeName;

    @Size(max = DESCRIPTION_MAX, message = "{person.description.size}")
    @NoControlCharacters(multiLine = true)
    private @Nullable String description;

    @Size(max = 20_000, message = "{person.aliases.size}")
    @NoControlCharacters(multiLine = true)
    private @Nullable String aliases;

    @Valid
    private List<OfficeRow> offices = new ArrayList<>();

    static class OfficeRow {

        @Size(max = NAME_MAX, message = "{record.field.size}")
        @NoControlCharacters
        private @Nullable String title;

        @Size(max = NAME_MAX, message = "{record.field.size}")
        @NoControlCharacters
        private @Nullable String organization;

        @NoControlCharacters
        private @Nullable String startDate;

        @NoControlCharacters
        private @Nullable String endDate;

        boolean isBlank() {
            return title == null || title.isBlank();
        }

        public @Nullable String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title;
        }

        public @Nullable String getOrganization() {
            return organization;
        }

        public void setOrganization(@Nullable String organization) {
            this.organization = organization;
        }

        public @Nullable String getStartDate() {
            return startDate;
        }

        public void setStartDate(@Nullable String startDate) {
            this.startDate = startDate;
        }

        public @Nullable String getEndDate() {
            return endDate;
        }

        public void setEndDate(@Nullable String endDate) {
            this.endDate = endDate;
        }
    }

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

    public @Nullable String getAliases() {
        return aliases;
    }

    public void setAliases(@Nullable String aliases) {
        this.aliases = aliases;
    }

    public List<OfficeRow> getOffices() {
        return offices;
    }

    public void setOffices(List<OfficeRow> offices) {
        this.offices = offices;
    }
}
