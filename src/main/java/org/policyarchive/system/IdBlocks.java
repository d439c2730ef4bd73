package org.policyarchive.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a table with a slug and an {@code updated_at}, in blocks of consecutive ids: block 1 holds ids 1 to
 * {@code size}, block 2 the next {@code size}, and so on. Ids are unique, so a block never holds more than
 * {@code size} rows however many rows the table has, and a row stays in its block for good: what sitemaps need
 * (at most 50,000 addresses a file, and files that do not reshuffle when a row is added or removed).
 */
public final class IdBlocks {

    private IdBlocks() {}

    /**
     * The blocks that hold rows of {@code table} meeting {@code condition} (SQL of the caller's own, never of a
     * request), by number, each with its newest {@code updated_at}.
     */
    public static SortedMap<Integer, Instant> blocks(JdbcClient jdbc, String table, String condition, int size) {
        SortedMap<Integer, Instant> blocks = new TreeMap<>();
        jdbc.sql("select (id - 1) / :size + 1 as block, max(updated_at) from " + table + " where " + condition
                        + " group by 1")
                .param("size", size)
                .query(rs -> {
                    blocks.put(rs.getInt(1), rs.getTimestamp(2).toInstant());
                });
        return blocks;
    }

    /** Hands each row of one block to {@code row} as its slug and {@code updated_at}, in the order of their ids. */
    public static void forEachIn(
            JdbcClient jdbc, String table, String condition, int block, int size, BiConsumer<String, Instant> row) {
        long first = (long) (block - 1) * size + 1;
        jdbc.sql("select slug, updated_at from " + table + " where id between :first and :last and " + condition
                        + " order by id")
                .param("first", first)
                .param("last", first + size - 1)
                .query(rs -> {
                    Timestamp updated = rs.getTimestamp(2);
                    row.accept(rs.getString(1), updated.toInstant());
                });
    }
}
