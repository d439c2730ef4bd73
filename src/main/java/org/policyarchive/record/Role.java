package org.policyarchive.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The part a person took in a record. Sources name other roles too; those read as {@link #SPOKE}. */
public enum Role {
    PRESIDED,
    LECTURED,
    SPOKE,
    PARTICIPATED,
    MENTIONED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values())
                .filter(role -> role.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The role for an interchange value: unknown roles (such as "speaker") read as {@link #SPOKE}. */
    public static Role fromInterchange(String value) {
        return fromCode(value).orElse(SPOKE);
    }
}
