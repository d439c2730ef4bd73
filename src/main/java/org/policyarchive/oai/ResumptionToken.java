package org.policyarchive.oai;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a harvest stands: the list's selection (set, from, until) and the position after the last item given, as the
 * {@code (updated_at, id)} of that item rather than an offset, so that records edited, added or withdrawn during the
 * harvest shift no page (an edited record moves to the end of the list and comes again). Carries the cursor and the
 * list's size as counted when the harvest began, and when it was issued: it is stale after
 * {@code archive.oai.token-lifetime}. Written as URL-safe Base64 of fields separated by {@code |}.
 *
 * @param set the setSpec asked for, or null
 * @param from the first datestamp asked for (inclusive), or null
 * @param until the first instant past the datestamps asked for (exclusive), or null
 */
record ResumptionToken(
        @Nullable String set,
        @Nullable Instant from,
        @Nullable Instant until,
        Instant afterUpdated,
        long afterId,
        long cursor,
        long completeListSize,
        Instant issuedAt) {

    private static final String VERSION = "1";
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    String encode() {
        String text = String.join(
                "|",
                VERSION,
                set == null ? "" : set,
                from == null ? "" : Long.toString(from.getEpochSecond()),
                until == null ? "" : Long.toString(until.getEpochSecond()),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, afterUpdated)),
                Long.toString(afterId),
                Long.toString(cursor),
                Long.toString(completeListSize),
                Long.toString(issuedAt.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** When the token stops being accepted. */
    Instant expiresAt(Duration lifetime) {
        return issuedAt.plus(lifetime);
    }

    /**
     * Reads a token this endpoint gave out.
     *
     * @throws OaiError {@code badResumptionToken} when the token is not one of ours, or has expired
     */
    static ResumptionToken decode(String token, Instant now, Duration lifetime) throws OaiError {
        String[] fields;
        try {
            fields = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (fields.length != 9 || !fields[0].equals(VERSION)) {
            throw malformed();
        }
        ResumptionToken read;
        try {
            read = new ResumptionToken(
                    fields[1].isEmpty() ? null : fields[1],
                    fields[2].isEmpty() ? null : Instant.ofEpochSecond(nonNegative(fields[2])),
                    fields[3].isEmpty() ? null : Instant.ofEpochSecond(nonNegative(fields[3])),
                    Instant.EPOCH.plus(nonNegative(fields[4]), ChronoUnit.MICROS),
                    nonNegative(fields[5]),
                    nonNegative(fields[6]),
                    nonNegative(fields[7]),
                    Instant.ofEpochSecond(nonNegative(fields[8])));
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            throw malformed();
        }
        if ((read.set != null && !SET_SPEC.matcher(read.set).matches())
                || read.issuedAt.isAfter(now.plusSeconds(60))
                || read.cursor > read.completeListSize) {
            throw malformed();
        }
        if (now.isAfter(read.expiresAt(lifetime))) {
            throw new OaiError(
                    OaiError.BAD_RESUMPTION_TOKEN,
                    "The resumption token has expired: start the list again without it.");
        }
        return read;
    }

    private static long nonNegative(String field) {
        long value = Long.parseLong(field);
        if (value < 0) {
            throw new NumberFormatException(field);
        }
        return value;
    }

    private static OaiError malformed() {
        return new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumption token is not one this archive gave out.");
    }
}
