package org.policyarchive.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;

/** What an admin types to create an account. */
class NewUserForm {

    @NotBlank(message = "{account.field.required}")
    @Size(max = UserAccounts.MAX_USERNAME_LENGTH, message = "{account.username.invalid}")
    @NoControlCharacters
    private @Nullable String username;

    @NotNull(message = "{account.role.required}")
    private @Nullable AccountRole role = AccountRole.EDITOR;

    @NotBlank(message = "{account.field.required}")
    @NoControlCharacters
    private @Nullable String password;

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable AccountRole getRole() {
        return role;
    }

    public void setRole(@Nullable AccountRole role) {
        this.role = role;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }
}
