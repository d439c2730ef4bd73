package org.policyarchive.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** The name a user gives a new API token, to tell it from the others (where it is used, what for). */
class ApiTokenForm {

    @NotBlank(message = "{account.field.required}")
    @Size(max = ApiTokens.MAX_NAME_LENGTH, message = "{tokens.name.size}")
    @NoControlCharacters
    private @Nullable String name;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }
}
