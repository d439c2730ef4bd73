package org.policyarchive.account;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** The new password an admin sets for someone else. */
class PasswordResetForm {

    @NotBlank(message = "{account.field.required}")
    @NoControlCharacters
    private @Nullable String password;

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }
}
