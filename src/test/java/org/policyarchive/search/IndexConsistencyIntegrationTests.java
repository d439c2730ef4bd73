package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash can leave behind: rows committed to PostgreSQL whose index work never ran. Writing with plain JDBC,
 * which Hibernate Search does not see, leaves the index in that state; the start-up catch-up must repair it.
 */
@SpringBootTest
@CleanArchive
class IndexConsistencyIntegrationTests {

    @Autowired
    SearchIndexMaintenance maintenance;

    @Autowired
    RecordSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchChanges changes;

    @Autowired
    RecordEditor editor;

    private final String marker =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private long found(String query) {
        return total(SearchCriteria.everything().withQuery(query));
    }

    @Test
    void catchUpIndexesRecordsCommittedBehindTheIndexsBack() {
        jdbc.update(
                "insert into record (slug, title, kind, language, body, status, updated_at)"
                        + " values (?, ?, 'SPEECH', 'en', ?, 'PUBLISHED', now())",
                marker,
                "Lost in a crash",
                "committed but never indexed " + marker);
        assertThat(found(marker)).isZero();

        SearchIndexMaintenance.CatchUp catchUp = maintenance.catchUp();

        assertThat(found(marker)).isEqualTo(1);
        // the seed record and the one the index lacked
        assertThat(catchUp.records()).isEqualTo(2);
        assertThat(catchUp.reindexed() + catchUp.added()).isEqualTo(1);
        assertThat(catchUp.removed()).isZero();
    }

    @Test
    void catchUpFollowsUpdatesAndDeletionsCommittedBehindTheIndexsBack() {
        jdbc.update(
                "insert into record (slug, title, kind, language, body, status, updated_at)"
                        + " values (?, 'Old', 'SPEECH', 'en', ?, 'PUBLISHED', now())",
                marker,
                "first words " + marker);
        maintenance.catchUp();
        assertThat(found("first " + marker)).isEqualTo(1);

        jdbc.update("update record set body = ?, updated_at = now() where slug = ?", "second words " + marker, marker);
        maintenance.catchUp();
        assertThat(found("first " + marker)).isZero();
        assertThat(found("second " + marker)).isEqualTo(1);

        jdbc.update("delete from record where slug = ?", marker);
        SearchIndexMaintenance.CatchUp catchUp = maintenance.catchUp();
        assertThat(found(marker)).isZero();
        assertThat(catchUp.records()).isEqualTo(1);
        assertThat(catchUp.removed()).isEqualTo(1);
        assertThat(catchUp.added()).isZero();
    }

    @Test
    void catchUpReindexesOnlyTheRecordsThatTheIndexHasNotGotRight() {
        jdbc.update(
                "insert into record (slug, title, kind, language, body, status, updated_at)"
                        + " values (?, 'Checked', 'SPEECH', 'en', ?, 'PUBLISHED', now())",
                marker,
                "first words " + marker);
        maintenance.catchUp();
        assertThat(found("first " + marker)).isEqualTo(1);

        // the record is the newest in the index and indexed as it is: nothing to do
        assertThat(maintenance.catchUp().reindexed()).isZero();

        jdbc.update("update record set body = ?, updated_at = now() where slug = ?", "second words " + marker, marker);
        assertThat(maintenance.catchUp().reindexed()).isEqualTo(1);
        assertThat(found("second " + marker)).isEqualTo(1);
    }

    @Test
    void followingAppliesTheRenamesAndDeletionsThatTheDatabaseNoted() {
        // another node's rename: the record's row does not change, the person's does
        jdbc.update("update person set name = ? where slug = 'chen-chun'", "Chen " + marker);
        assertThat(found(marker)).isZero();

        maintenance.follow();
        assertThat(found(marker)).isEqualTo(1);

        // another node's deletion: no row is left to compare
        jdbc.update("delete from record where slug = 'state-council-study-session-digital-economy-2023-08-21'");
        maintenance.follow();
        assertThat(found(marker)).isZero();
        assertThat(total(SearchCriteria.everything())).isZero();
    }

    @Test
    void aStartAfterPeopleAndThemesWereAddedWithTheirRecordsReindexesNoRecordButARenameStillReachesThem() {
        // as an import adds them: the person and the theme in the record's own transaction, all indexed on commit
        editor.create(
                Drafts.speech("Added together")
                        .body("words of " + marker)
                        .by("Newly Added", Role.SPOKE)
                        .theme("Newly added theme")
                        .build(),
                "test",
                null);
        assertThat(found(marker)).isEqualTo(1);

        assertThat(maintenance.catchUp().reindexed()).isZero();

        jdbc.update("update person set name = ? where name = 'Newly Added'", "Renamed " + marker);
        jdbc.update("update theme set name = ? where name = 'Newly added theme'", "Retitled " + marker);
        assertThat(found("Renamed " + marker)).isZero();
        assertThat(maintenance.catchUp().reindexed()).isEqualTo(1);
        assertThat(found("Renamed Retitled " + marker)).isEqualTo(1);

        // an alias added to a person already there is a rename, too
        jdbc.update(
                "insert into person_alias (person_id, alias) select id, ? from person where name like 'Renamed %'",
                "Alias" + marker);
        assertThat(maintenance.catchUp().reindexed()).isEqualTo(1);
        assertThat(found("Alias" + marker)).isEqualTo(1);
    }

    @Test
    void rebuildsTheWholeIndexWithProgress() {
        jdbc.update(
                "insert into record (slug, title, kind, language, body, status)"
                        + " values (?, 'Rebuilt', 'SPEECH', 'en', ?, 'PUBLISHED')",
                marker,
                "only a rebuild finds " + marker);

        ReindexProgress progress = maintenance.rebuildNow();

        assertThat(progress.state()).isEqualTo(ReindexProgress.State.DONE);
        // every record, person and theme: the seed's and the one written behind the index's back
        long documents = jdbc.queryForObject(
                "select (select count(*) from record) + (select count(*) from person) + (select count(*) from theme)",
                Long.class);
        assertThat(jdbc.queryForObject("select count(*) from record", Long.class))
                .isEqualTo(2);
        assertThat(progress.total()).isEqualTo(documents);
        assertThat(progress.indexed()).isEqualTo(documents);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(found(marker)).isEqualTo(1);
    }

    @Test
    void changesAreForgottenOnceOlderThanTheyAreKept() {
        jdbc.update("insert into search_change (entity, entity_id, changed_at)"
                + " values ('theme', -1, now() - interval '31 days'), ('theme', -2, now() - interval '29 days')");

        assertThat(changes.forgetOld()).isEqualTo(1);

        assertThat(jdbc.queryForList("select entity_id from search_change where entity_id < 0", Long.class))
                .containsExactly(-2L);
    }

    @Test
    void anIndexOlderThanTheChangesKeptIsRebuiltAtStartForWhatOnlyThoseChangesShowed() {
        // an index last written 40 days ago, while the archive went on without this node
        jdbc.update("update record set updated_at = now() - interval '40 days'");
        maintenance.rebuildNow();
        // a rename whose noted change has since been forgotten
        jdbc.update("update person set name = ? where slug = 'chen-chun'", "Chen " + marker);
        jdbc.update("delete from search_change");

        SearchIndexMaintenance.CatchUp catchUp = maintenance.catchUp();

        assertThat(catchUp.reindexed()).isEqualTo(catchUp.records()).isEqualTo(1);
        assertThat(found(marker)).isEqualTo(1);
    }

    private long total(SearchCriteria criteria) {
        return search.search(criteria).total();
    }
}
