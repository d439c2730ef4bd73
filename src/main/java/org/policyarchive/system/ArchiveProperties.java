package org.policyarchive.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the archive reads from its configuration under {@code archive.*}, with its defaults, checked at start:
 * a wrong value stops the archive with a message that names it, instead of failing later. Environment variables map
 * onto it ({@code ARCHIVE_DATA_DIR} is {@code archive.data-dir}, {@code ARCHIVE_UPLOAD_MAX_SIZE} is
 * {@code archive.upload.max-size}).
 *
 * @param dataDir where the embedded PostgreSQL ({@code postgres/}), the search index ({@code index/}) and files waiting
 *     to be imported ({@code imports/}) live
 * @param reindex {@code true} rebuilds the search index at start and then serves, {@code exit} rebuilds and stops
 *     (the command-line option {@code --archive.reindex[=exit]})
 * @param nodeId this node's name among the nodes that share the database ({@link ArchiveNode}); unset, the node makes
 *     one and keeps it in the data directory
 */
@ConfigurationProperties("archive")
@Validated
public record ArchiveProperties(
        @DefaultValue("./data") @NotNull Path dataDir,

        @DefaultValue("false") @Pattern(regexp = "|false|true|exit", message = "must be true, false or exit")
        String reindex,

        @Nullable @Pattern(regexp = ArchiveNode.ID_PATTERN, message = ArchiveNode.ID_RULE)
        String nodeId,

        @DefaultValue @Valid EmbeddedPostgres embeddedPostgres,
        @DefaultValue @Valid Admin admin,
        @DefaultValue @Valid Upload upload,
        @DefaultValue @Valid Imports imports,
        @DefaultValue @Valid Fixity fixity,
        @DefaultValue @Valid Search search,
        @DefaultValue @Valid PageCache pageCache,
        @DefaultValue @Valid Api api,
        @DefaultValue @Valid Oai oai) {

    /** Whether to rebuild the search index at start ({@code --archive.reindex} alone means yes). */
    public boolean reindexAtStart() {
        return !reindex.equals("false");
    }

    /** Whether to stop after the rebuild at start. */
    public boolean exitAfterReindex() {
        return reindex.equals("exit");
    }

    /** @param port the embedded server's port; 0 picks a free one */
    public record EmbeddedPostgres(
            @DefaultValue("0") @Min(0) @Max(65535) int port) {}

    /**
     * The first admin, created at start when no admin exists ({@code ARCHIVE_ADMIN_USERNAME},
     * {@code ARCHIVE_ADMIN_PASSWORD}).
     */
    public record Admin(@Nullable String username, @Nullable String password) {}

    /** @param maxSize the largest single uploaded document */
    public record Upload(@DefaultValue("20MB") @NotNull DataSize maxSize) {}

    /**
     * Bulk imports.
     *
     * @param batchSize records committed together
     * @param maxLineChars the longest line read; a longer one is rejected without being held in memory
     * @param staleAfter how long an unfinished job's node may stay silent before another node counts the job as
     *     interrupted (at its start) or lets it be cancelled at once
     * @param maxQueued how many imports may wait for the one running
     */
    public record Imports(
            @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
            @DefaultValue("16777216") @Min(1024) int maxLineChars,
            @DefaultValue("2m") @NotNull Duration staleAfter,
            @DefaultValue("20") @Min(0) int maxQueued) {}

    /** @param cron when the fixity check of uploaded originals runs; {@code -} turns it off */
    public record Fixity(
            @DefaultValue("0 30 3 * * *") @NotBlank String cron) {}

    /**
     * @param followInterval how often this node brings its own search index up to date with what other nodes wrote
     *     to PostgreSQL (docs/scaling.md); 0 turns it off, for a single node
     * @param changesKept how long the changes noted for the search indexes are kept: a node whose index is older
     *     rebuilds it at start
     */
    public record Search(
            @DefaultValue("2s") @NotNull @DurationMin(millis = 0)
            Duration followInterval,

            @DefaultValue("30d") @NotNull @DurationMin(hours = 1)
            Duration changesKept) {

        /** Whether this node follows other nodes' changes at all. */
        public boolean follows() {
            return !followInterval.isZero();
        }
    }

    /**
     * The public pages kept in memory for anonymous readers ({@code catalogue.PageCache}).
     *
     * @param maxSize how much memory the kept pages may take, gzipped copies included; 0 keeps none
     * @param timeToLive how long a page is kept: the longest that a change made on another node (or by an index
     *     rebuild) takes to show in a page; changes made on this node show at once
     */
    public record PageCache(
            @DefaultValue("32MB") @NotNull DataSize maxSize,
            @DefaultValue("2s") @NotNull Duration timeToLive) {

        public PageCache {
            if (maxSize.isNegative()) {
                throw new IllegalArgumentException("archive.page-cache.max-size must not be negative");
            }
            if (timeToLive.isNegative() || timeToLive.isZero()) {
                throw new IllegalArgumentException("archive.page-cache.time-to-live must be positive");
            }
        }
    }

    /**
     * The JSON API's rate limits: requests answered per period, counted per API token for requests that send one and
     * per client address for the others; past the limit, a 429 with {@code Retry-After}.
     *
     * @param tokenRequests requests one token may make in a period
     * @param addressRequests requests one address may make in a period without a token
     * @param period how long a count lasts
     */
    public record Api(
            @DefaultValue("600") @Min(1) int tokenRequests,
            @DefaultValue("120") @Min(1) int addressRequests,

            @DefaultValue("1m") @NotNull @DurationMin(seconds = 1)
            Duration period) {}

    /**
     * The OAI-PMH endpoint ({@code /oai}, docs/oai-pmh.md).
     *
     * @param repositoryIdentifier the middle part of every item's identifier ({@code oai:archive.example.org:slug}),
     *     a domain name the archive answers to; unset, the host name each request names
     * @param adminEmail the address Identify gives for the people who run the archive; unset, {@code webmaster@} the
     *     repository identifier
     * @param pageSize records, headers or sets in one response before a resumption token
     * @param tokenLifetime how long a resumption token may be used after it was given out
     */
    public record Oai(
            @Nullable @Pattern(regexp = OAI_DOMAIN, message = "must be a domain name such as archive.example.org")
            String repositoryIdentifier,

            @Nullable @Pattern(regexp = "\\S+@(\\S+\\.)+\\S+", message = "must be an e-mail address")
            String adminEmail,

            @DefaultValue("100") @Min(1) @Max(10_000) int pageSize,

            @DefaultValue("1d") @NotNull @DurationMin(minutes = 1)
            Duration tokenLifetime) {}

    /** A domain name as the OAI identifier scheme's repository identifier takes it: at least two labels. */
    public static final String OAI_DOMAIN = "[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)+";
}
