package org.policyarchive.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** The kind admin form: the kind's names in English and Chinese, and what citations take its records for. */
class KindForm {

    /** The longest name or label (their columns' length). */
    static final int NAME_MAX = 100;

    private @Nullable Long version;

    @NotBlank(message = "{kind.name.required}")
    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String englishName;

    @Size(max = NAME_MAX, message = "{record.field.size}")
    @NoControlCharacters
    private @Nullable String chineseName;

    @NotNull(message = "{kind.citedAs.required}")
    private Kind.@Nullable CitedAs citedAs = Kind.CitedAs.DOCUMENT;

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }

    public @Nullable String getEnglishName() {
        return englishName;
    }

    public void setEnglishName(@Nullable String englishName) {
        this.englishName = englishName;
    }

    public @Nullable String getChineseName() {
        return chineseName;
    }

    public void setChineseName(@Nullable String chineseName) {
        this.chineseName = chineseName;
    }

    public Kind.@Nullable CitedAs getCitedAs() {
        return citedAs;
    }

    public void setCitedAs(Kind.@Nullable CitedAs citedAs) {
        this.citedAs = citedAs;
    }
}
