package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor.Imported;
import org.policyarchive.record.RecordEditor.Imported.Outcome;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.record.internal.RevisionSummary;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link RecordEditor}, the record module's one way to write: each write keeps a revision and announces itself with
 * one event, and a write that breaks a rule or comes too late leaves everything as it was.
 */
@SpringBootTest
@CleanArchive
@RecordApplicationEvents
class RecordEditorIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    Revisions revisions;

    @Autowired
    ApplicationEvents events;

    /** Every event the record module published during the test, in order. */
    List<Object> recordEvents() {
        return events.stream(Object.class)
                .filter(event -> event instanceof RecordCreated
                        || event instanceof RecordChanged
                        || event instanceof RecordStatusChanged
                        || event instanceof RecordDeleted
                        || event instanceof RecordsImported)
                .toList();
    }

    List<String> history(long recordId) {
        return revisions.history(recordId).stream()
                .map(r -> r.number() + " " + r.createdBy() + " " + r.comment())
                .toList();
    }

    long create(String title) {
        long id = editor.create(Drafts.speech(title).date("2023-08-21").build(), "author", null);
        events.clear();
        return id;
    }

    @Nested
    class Writing {

        @Test
        void createWritesTheFirstRevisionAndPublishesRecordCreated() {
            long id = editor.create(
                    Drafts.speech("New speech")
                            .date("2023-08")
                            .language("ZH-hans")
                            .body("One.\r\n\r\n\r\nTwo.  ")
                            .by("Jane Doe", Role.SPOKE)
                            .build(),
                    "author",
                    " first draft ");

            RecordSnapshot saved = editor.current(id);
            assertThat(saved.slug()).isEqualTo("new-speech-2023-08");
            assertThat(saved.language()).isEqualTo("zh-Hans");
            assertThat(saved.body()).isEqualTo("One.\n\nTwo.");
            assertThat(history(id)).containsExactly("1 author first draft");
            assertThat(revisions.snapshot(id, 1)).isEqualTo(saved);
            assertThat(recordEvents()).containsExactly(new RecordCreated(id, "new-speech-2023-08", "New speech"));
        }

        @Test
        void updateWritesARevisionAndPublishesRecordChangedWithWhatChanged() {
            long id = create("Old title");
            long version = editor.currentVersion(id);

            editor.update(
                    id,
                    version,
                    Drafts.speech("New title")
                            .date("2023-08-21")
                            .body("Other text.")
                            .build(),
                    "editor",
                    "retitled");

            assertThat(editor.current(id).title()).isEqualTo("New title");
            assertThat(editor.current(id).slug())
                    .as("a draft without a slug keeps the record's")
                    .isEqualTo("old-title-2023-08-21");
            assertThat(history(id)).containsExactly("2 editor retitled", "1 author null");
            assertThat(recordEvents())
                    .containsExactly(new RecordChanged(
                            id, "old-title-2023-08-21", RecordChanged.Cause.EDITED, "changed title, body (retitled)"));
        }

        @Test
        void changeStatusWritesARevisionAndPublishesRecordStatusChanged() {
            long id = create("Status");

            editor.changeStatus(id, RecordStatus.WITHDRAWN, "editor", "status withdrawn");
            editor.changeStatus(id, RecordStatus.WITHDRAWN, "editor", "again");

            assertThat(catalog.findById(id).orElseThrow().getStatus()).isEqualTo(RecordStatus.WITHDRAWN);
            assertThat(history(id))
                    .as("a status the record already has changes nothing")
                    .containsExactly("2 editor status withdrawn", "1 author null");
            assertThat(recordEvents())
                    .containsExactly(new RecordStatusChanged(
                            id, "status-2023-08-21", RecordStatus.PUBLISHED, RecordStatus.WITHDRAWN));
            assertThat(((RecordStatusChanged) recordEvents().get(0)).withdrawn())
                    .isTrue();
        }

        @Test
        void restoreSavesAnEarlierRevisionAsTheNewestAndPublishesRecordChanged() {
            long id = create("Original");
            editor.update(
                    id,
                    editor.currentVersion(id),
                    Drafts.speech("Vandalised").body("Wrong.").build(),
                    "vandal",
                    null);
            events.clear();

            editor.restore(id, 1, "editor", "restored revision 1");

            assertThat(editor.current(id).title()).isEqualTo("Original");
            assertThat(editor.current(id).writtenDate()).isEqualTo("2023-08-21");
            assertThat(editor.current(id).body()).isEqualTo("A paragraph of the record's text.");
            assertThat(history(id)).containsExactly("3 editor restored revision 1", "2 vandal null", "1 author null");
            assertThat(recordEvents())
                    .containsExactly(new RecordChanged(
                            id,
                            "original-2023-08-21",
                            RecordChanged.Cause.RESTORED,
                            "changed title, date, body (restored revision 1)"));
        }

        @Test
        void deleteRemovesTheRecordWithItsRevisionsAndPublishesRecordDeleted() {
            long id = create("Doomed");

            editor.delete(id);

            assertThat(catalog.findById(id)).isEmpty();
            assertThat(revisions.history(id)).isEmpty();
            assertThat(recordEvents()).containsExactly(new RecordDeleted(id, "doomed-2023-08-21", "Doomed"));
            assertThatThrownBy(() -> editor.delete(id)).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Refusing {

        @Test
        void updateWithAStaleVersionIsAConflictAndSavesNothing() {
            long id = create("Contested");
            long version = editor.currentVersion(id);
            editor.update(id, version, Drafts.speech("First").build(), "first", null);
            events.clear();

            assertThatThrownBy(() ->
                            editor.update(id, version, Drafts.speech("Second").build(), "second", null))
                    .isInstanceOfSatisfying(
                            EditConflictException.class,
                            conflict -> assertThat(conflict.getCurrentVersion()).isEqualTo(editor.currentVersion(id)));

            assertThat(editor.current(id).title()).isEqualTo("First");
            assertThat(revisions.history(id)).hasSize(2);
            assertThat(recordEvents()).isEmpty();
        }

        @Test
        void aRejectedDraftSavesNothing() {
            RecordDraft bad = Drafts.speech(" ").language("english!").build();

            assertThatThrownBy(() -> editor.create(bad, "author", null))
                    .isInstanceOfSatisfying(
                            RecordRejectedException.class,
                            rejected -> assertThat(rejected.violations())
                                    .containsExactly(
                                            new RecordViolation("title", "record.title.required"),
                                            new RecordViolation("language", "record.language.invalid")));
            assertThat(catalog.count()).as("only the seed").isEqualTo(1);

            long id = create("Kept as it was");
            long version = editor.currentVersion(id);
            assertThatThrownBy(() -> editor.update(id, version, bad, "editor", null))
                    .isInstanceOf(RecordRejectedException.class);
            assertThatThrownBy(() ->
                            editor.update(id, version, Drafts.speech("Fine").build(), "editor", "x".repeat(501)))
                    .isInstanceOfSatisfying(
                            RecordRejectedException.class,
                            rejected -> assertThat(rejected.violations())
                                    .containsExactly(new RecordViolation("comment", "record.comment.size", 500)));
            assertThat(editor.current(id).title()).isEqualTo("Kept as it was");
            assertThat(editor.currentVersion(id)).isEqualTo(version);
            assertThat(revisions.history(id)).hasSize(1);
            assertThat(recordEvents()).isEmpty();
        }

        @Test
        void checkReportsASlugOrATranslationTheArchiveDoesNotAllow() {
            long id = create("Mine");

            assertThat(editor.check(Drafts.speech("Other").slug(SEED_SLUG).build(), null, null))
                    .containsExactly(new RecordViolation("slug", "record.slug.taken"));
            assertThat(editor.check(
                            Drafts.speech("Mine").slug("mine-2023-08-21").build(), id, null))
                    .as("a record's own slug is not taken")
                    .isEmpty();
            assertThat(editor.check(
                            Drafts.speech("Other")
                                    .translationOf("no-such-record")
                                    .build(),
                            null,
                            null))
                    .containsExactly(new RecordViolation("translationSlug", "record.translation.unknown"));
            assertThat(editor.check(
                            Drafts.speech("Mine")
                                    .translationOf("mine-2023-08-21")
                                    .build(),
                            id,
                            null))
                    .as("a record is not its own translation")
                    .containsExactly(new RecordViolation("translationSlug", "record.translation.unknown"));
            assertThat(editor.check(
                            Drafts.speech("Other").translationOf(SEED_SLUG).build(), null, null))
                    .isEmpty();
        }
    }

    @Nested
    class Importing {

        @Test
        void importsSkipsWhatIsPresentRejectsBadDraftsAndAnnouncesTheBatchOnce() {
            editor.create(Drafts.speech("Known speech").source("Known source").build(), "author", null);
            events.clear();
            List<RecordDraft> drafts = List.of(
                    Drafts.speech("First new")
                            .slug("first-new")
                            .by("Jane Doe", Role.SPOKE)
                            .build(),
                    Drafts.speech("Present by slug").slug(SEED_SLUG).build(),
                    Drafts.speech(null).source("Nowhere").build(),
                    Drafts.speech("Known speech").source("Known source").build(),
                    Drafts.speech("Second new")
                            .date("1999")
                            .source("Known source")
                            .by("jane doe", Role.PRESIDED)
                            .theme("Trade")
                            .build(),
                    Drafts.speech("Known speech").source("Another source").build());

            List<Imported> results = editor.importAll(drafts, "importer");

            assertThat(results)
                    .extracting(Imported::outcome)
                    .containsExactly(
                            Outcome.IMPORTED,
                            Outcome.SKIPPED,
                            Outcome.REJECTED,
                            Outcome.SKIPPED,
                            Outcome.IMPORTED,
                            Outcome.IMPORTED);
            assertThat(results.get(2).violations())
                    .containsExactly(new RecordViolation("title", "record.title.required"));
            assertThat(results.get(2).recordId()).isNull();
            assertThat(results.get(1).recordId()).isNull();
            assertThat(results)
                    .extracting(Imported::violations)
                    .filteredOn(List::isEmpty)
                    .hasSize(5);
            List<Long> ids = List.of(
                    results.get(0).recordId(),
                    results.get(4).recordId(),
                    results.get(5).recordId());

            assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(ids)
                    .extracting(id -> editor.current(id).slug())
                    .containsExactly("first-new", "second-new-1999", "known-speech-2");
            for (long id : ids) {
                assertThat(revisions.history(id))
                        .extracting(RevisionSummary::number, RevisionSummary::createdBy, RevisionSummary::comment)
                        .containsExactly(tuple(1, "importer", null));
            }
            assertThat(editor.current(ids.get(1)).people())
                    .extracting(RecordSnapshot.PersonEntry::name, RecordSnapshot.PersonEntry::role)
                    .as("people are found by name, once per batch")
                    .containsExactly(tuple("Jane Doe", Role.PRESIDED));
            assertThat(editor.current(ids.get(0)).people().get(0).personId())
                    .isEqualTo(editor.current(ids.get(1)).people().get(0).personId());
            assertThat(editor.current(ids.get(1)).themes())
                    .extracting(RecordSnapshot.ThemeEntry::name)
                    .containsExactly("Trade");
            assertThat(catalog.count()).isEqualTo(5);
            assertThat(recordEvents()).containsExactly(new RecordsImported(ids, "importer"));
        }

        @Test
        void aBatchWithNothingNewWritesAndAnnouncesNothing() {
            List<Imported> results = editor.importAll(
                    List.of(
                            Drafts.speech("Present").slug(SEED_SLUG).build(),
                            Drafts.speech("").build()),
                    "importer");

            assertThat(results).extracting(Imported::outcome).containsExactly(Outcome.SKIPPED, Outcome.REJECTED);
            assertThat(catalog.count()).isEqualTo(1);
            assertThat(recordEvents()).isEmpty();
        }

        @Test
        void aSlugGivenTwiceInOneBatchIsImportedOnce() {
            List<Imported> results = editor.importAll(
                    List.of(
                            Drafts.speech("Once").slug("twice").build(),
                            Drafts.speech("Twice").slug("twice").build()),
                    "importer");

            assertThat(results).extracting(Imported::outcome).containsExactly(Outcome.IMPORTED, Outcome.SKIPPED);
            assertThat(editor.current(results.get(0).recordId()).title()).isEqualTo("Once");
        }
    }
}
