package org.policyarchive.account;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** A user's own password change: the current password, and the new one twice. */
class PasswordChangeForm {

    @NotBlank(message = "{account.field.required}")
    @NoControlCharacters
    private @Nullable String currentPassword;

    @NotBlank(message = "{account.field.required}")
    @NoControlCharacters
    private @Nullable String newPassword;

    @NotBlank(message = "{account.field.required}")
    @NoControlCharacters
    private @Nullable String confirmation;

    public @Nullable String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(@Nullable String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public @Nullable String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(@Nullable String newPassword) {
        this.newPassword = newPassword;
    }

    public @Nullable String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(@Nullable String confirmation) {
        this.confirmation = confirmation;
    }
}
