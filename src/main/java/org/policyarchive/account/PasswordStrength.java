package org.policyarchive.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a password is too easy to guess, by zxcvbn's estimate of the guesses it takes: it knows some 30,000 common
 * passwords, English words and names, repeats, sequences and keyboard patterns, and is told the username and the
 * archive's own words, so that {@code aaaaaaaaaaaa}, {@code passwordpassword} or the username with a letter added are
 * refused however long they are.
 */
final class PasswordStrength {

    /**
     * zxcvbn's score 3, at least 10^8 guesses: beyond any online attack the sign-in throttle lets through, and a
     * long way for an offline attack on a stolen BCrypt hash.
     */
    static final int MIN_SCORE = 3;

    private static final List<String> ARCHIVE_WORDS = List.of("policy", "archive", "policyarchive", "admin", "editor");

    /** Immutable once built (the dictionaries are read once); each measurement keeps its own state. */
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordStrength() {}

    static boolean easyToGuess(String rawPassword, String username) {
        List<String> known =
                Stream.concat(ARCHIVE_WORDS.stream(), Stream.of(username)).toList();
        return ZXCVBN.measure(rawPassword, known).getScore() < MIN_SCORE;
    }
}
