package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyarchive.record.RecordDraft.PersonRow;
import org.policyarchive.record.RecordDraft.ThemeRef;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.testing.Drafts;

/** The record's rules that need nothing but the draft: {@link RecordRules#check} and {@link RecordRules#normalize}. */
class RecordRulesTests {

    /** A draft that breaks no rule, to change one field at a time. */
    static Drafts valid() {
        return Drafts.speech("A title").date("2023-08-21").body("A paragraph.");
    }

    static List<RecordViolation> check(Drafts draft) {
        return RecordRules.check(draft.build());
    }

    static List<RecordViolation> check(RecordDraft draft) {
        return RecordRules.check(draft);
    }

    static RecordViolation violation(String field, String messageKey, Object... arguments) {
        return new RecordViolation(field, messageKey, arguments);
    }

    /** {@code length} characters of words, neither starting nor ending with a space. */
    static String text(int length) {
        return "lorem ".repeat(length / 6 + 1).substring(0, length - 1) + "x";
    }

    @Test
    void aValidDraftBreaksNoRule() {
        assertThat(check(valid())).isEmpty();
        assertThat(check(valid().slug("a-title-2023")
                        .place("Beijing")
                        .organization("State Council")
                        .summary("A summary.")
                        .source("https://example.org/source")
                        .translationOf("another-record")
                        .by("Jane Doe", Role.SPOKE, "Minister")
                        .by("Jane Doe", Role.PRESIDED)
                        .theme("Trade")
                        .note("A note.")))
                .isEmpty();
    }

    @Nested
    class Required {

        @Test
        void requiresATitle() {
            assertThat(check(with(valid().build(), d -> d.title = null)))
                    .containsExactly(violation("title", "record.title.required"));
            assertThat(check(with(valid().build(), d -> d.title = " \t\n")))
                    .containsExactly(violation("title", "record.title.required"));
        }

        @Test
        void requiresAKindALanguageABodyAndAStatus() {
            assertThat(check(valid().kind(null))).containsExactly(violation("kind", "record.kind.required"));
            assertThat(check(valid().language(null)))
                    .containsExactly(violation("language", "record.language.required"));
            assertThat(check(valid().language("  ")))
                    .containsExactly(violation("language", "record.language.required"));
            assertThat(check(valid().body(null))).containsExactly(violation("body", "record.body.required"));
            assertThat(check(valid().body("\r\n\r\n "))).containsExactly(violation("body", "record.body.required"));
            assertThat(check(valid().status(null))).containsExactly(violation("status", "record.status.required"));
        }

        @Test
        void needsNoSlugDatePlaceOrganizationSummarySourceOrTranslation() {
            assertThat(check(Drafts.speech("Bare")
                            .slug(" ")
                            .date("")
                            .place("")
                            .organization(" ")
                            .summary("")
                            .source("")
                            .translationOf("")))
                    .isEmpty();
        }

        @Test
        void requiresARoleForEveryPersonAndSaysWhichRow() {
            assertThat(check(valid().by("Jane Doe", Role.SPOKE).by("John Doe", null)))
                    .containsExactly(violation("people[1].role", "record.role.required"));
        }

        @Test
        void reportsEveryBrokenRuleInTheOrderOfTheFormsFields() {
            RecordDraft draft = Drafts.speech("x".repeat(501))
                    .slug("Not a slug")
                    .kind(null)
                    .date("2023-02-30")
                    .language("english!")
                    .body(" ")
                    .status(null)
                    .by("Jane Doe", null)
                    .build();

            assertThat(check(draft))
                    .containsExactly(
                            violation("title", "record.title.size", 500),
                            violation("slug", "record.slug.invalid"),
                            violation("kind", "record.kind.required"),
                            violation("date", "date.invalid"),
                            violation("language", "record.language.invalid"),
                            violation("body", "record.body.required"),
                            violation("status", "record.status.required"),
                            violation("people[0].role", "record.role.required"));
        }
    }

    @Nested
    class Limits {

        @Test
        void titleAtMostFiveHundredCharacters() {
            assertThat(check(with(valid().build(), d -> d.title = text(RecordRules.TITLE_MAX))))
                    .isEmpty();
            assertThat(check(with(valid().build(), d -> d.title = "  " + text(RecordRules.TITLE_MAX) + "  ")))
                    .as("spaces around the title are not counted")
                    .isEmpty();
            assertThat(check(with(valid().build(), d -> d.title = text(RecordRules.TITLE_MAX + 1))))
                    .containsExactly(violation("title", "record.title.size", 500));
        }

        @Test
        void slugAtMostTwoHundredCharacters() {
            assertThat(check(valid().slug("a".repeat(RecordRules.SLUG_MAX)))).isEmpty();
            assertThat(check(valid().slug("a-b".repeat(50))))
                    .as("longer than a slug made from a title")
                    .isEmpty();
            assertThat(check(valid().slug("a".repeat(RecordRules.SLUG_MAX + 1))))
                    .containsExactly(violation("slug", "record.slug.size", 200));
        }

        @Test
        void placeAndOrganizationAtMostThreeHundredCharacters() {
            assertThat(check(valid().place(text(300)).organization(text(300)))).isEmpty();
            assertThat(check(valid().place(text(301)).organization(text(301))))
                    .containsExactly(
                            violation("place", "record.field.size", 300),
                            violation("organization", "record.field.size", 300));
        }

        @Test
        void languageTagAtMostThirtyFiveCharacters() {
            String longest = "en-abcdefgh-bcdefghi-cdefghij-defgh";
            assertThat(longest).hasSize(RecordRules.LANGUAGE_MAX);
            assertThat(check(valid().language(longest))).isEmpty();
            assertThat(check(valid().language(longest + "g")))
                    .containsExactly(violation("language", "record.language.invalid"));
        }

        @Test
        void summaryAtMostTwentyThousandCharacters() {
            assertThat(check(valid().summary(text(RecordRules.SUMMARY_MAX)))).isEmpty();
            assertThat(check(valid().summary(text(RecordRules.SUMMARY_MAX + 1))))
                    .containsExactly(violation("summary", "record.summary.size", 20_000));
        }

        @Test
        void bodyAtMostOneMillionCharacters() {
            assertThat(check(valid().body(text(RecordRules.BODY_MAX)))).isEmpty();
            assertThat(check(valid().body(text(RecordRules.BODY_MAX + 1))))
                    .containsExactly(violation("body", "record.body.size", 1_000_000));
        }

        @Test
        void sourceAtMostFiveThousandCharacters() {
            assertThat(check(valid().source(text(RecordRules.SOURCE_MAX)))).isEmpty();
            assertThat(check(valid().source(text(RecordRules.SOURCE_MAX + 1))))
                    .containsExactly(violation("source", "record.source.size", 5_000));
        }

        @Test
        void translationSlugAtMostTwoHundredCharacters() {
            assertThat(check(valid().translationOf("a".repeat(RecordRules.SLUG_MAX))))
                    .isEmpty();
            assertThat(check(valid().translationOf("a".repeat(RecordRules.SLUG_MAX + 1))))
                    .containsExactly(violation("translationSlug", "record.translation.unknown", 200));
        }

        @Test
        void personNameAndOfficeAtMostThreeHundredCharacters() {
            assertThat(check(valid().by(text(300), Role.SPOKE, text(300)))).isEmpty();
            assertThat(check(valid().by("Jane Doe", Role.SPOKE).by(text(301), Role.SPOKE, text(301))))
                    .containsExactly(
                            violation("people[1].name", "record.field.size", 300),
                            violation("people[1].office", "record.field.size", 300));
        }

        @Test
        void newThemeNameAtMostThreeHundredCharacters() {
            assertThat(check(valid().theme(text(300)))).isEmpty();
            assertThat(check(valid().theme("Trade").theme(text(301)).theme(text(302))))
                    .as("one error for the field of new themes")
                    .containsExactly(violation("newThemes", "record.field.size", 300));
        }

        @Test
        void eachNoteAtMostFiveThousandCharacters() {
            assertThat(check(valid().note(text(RecordRules.NOTE_MAX)))).isEmpty();
            assertThat(check(valid().note("Short.").note(text(RecordRules.NOTE_MAX + 1))))
                    .containsExactly(violation("notes[1]", "record.note.size", 5_000));
        }

        @Test
        void commentAtMostFiveHundredCharacters() {
            assertThat(RecordRules.checkComment(null)).isEmpty();
            assertThat(RecordRules.checkComment(text(RecordRules.COMMENT_MAX))).isEmpty();
            assertThat(RecordRules.checkComment(text(RecordRules.COMMENT_MAX + 1)))
                    .containsExactly(violation("comment", "record.comment.size", 500));
        }
    }

    @Nested
    class Shapes {

        @ParameterizedTest
        @ValueSource(strings = {"state-council-2023", "a", "2023", "数字经济", "title-2023-08-21", " padded ", "café-2023"})
        void acceptsSlugsOfLettersDigitsAndSingleHyphens(String slug) {
            assertThat(check(valid().slug(slug))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Upper-Case",
                    "two--hyphens",
                    "-leading",
                    "trailing-",
                    "with space",
                    "under_score",
                    "cafe\u0301"
                })
        void refusesOtherSlugs(String slug) {
            assertThat(check(valid().slug(slug))).containsExactly(violation("slug", "record.slug.invalid"));
        }

        @Test
        void refusesDatesThatAreNotDaysMonthsOrYears() {
            assertThat(check(valid().date("21/08/2023"))).containsExactly(violation("date", "date.format"));
            assertThat(check(valid().date("2023-8"))).containsExactly(violation("date", "date.format"));
            assertThat(check(valid().date("2023-02-29"))).containsExactly(violation("date", "date.invalid"));
            assertThat(check(valid().date("2023-13"))).containsExactly(violation("date", "date.invalid"));
            assertThat(check(with(valid().date("2023").build(), d -> d.datePrecision = DatePrecision.DAY)))
                    .containsExactly(violation("date", "date.precision"));
            assertThat(check(with(valid().date("2023-08-21").build(), d -> d.datePrecision = DatePrecision.YEAR)))
                    .isEmpty();
            assertThat(check(valid().date("2024-02-29"))).isEmpty();
            assertThat(check(valid().date("2023-08"))).isEmpty();
            assertThat(check(valid().date(" 2023 "))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"en", "zh-Hans", "ZH-hans", "pt-BR", "yue", "zh-Hant-TW", " fr "})
        void acceptsWellFormedLanguageTags(String tag) {
            assertThat(check(valid().language(tag))).isEmpty();
            assertThat(LanguageTag.isValid(tag)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"english", "english!", "xx", "en_US", "e", "12", "en-", "-en", "zh--Hans"})
        void refusesOtherLanguageTags(String tag) {
            assertThat(check(valid().language(tag))).containsExactly(violation("language", "record.language.invalid"));
            assertThat(LanguageTag.isValid(tag)).isFalse();
        }
    }

    @Nested
    class People {

        @Test
        void refusesTheSamePersonTwiceInOneRoleByNameIgnoringCaseAndSpaces() {
            assertThat(check(valid().by("Jane Doe", Role.SPOKE)
                            .by("John Doe", Role.SPOKE)
                            .by(" JANE DOE ", Role.SPOKE)))
                    .containsExactly(violation("people[2].name", "record.person.duplicate"));
        }

        @Test
        void refusesTheSamePersonTwiceInOneRoleById() {
            RecordDraft draft = with(valid().build(), d -> {
                d.people.add(new PersonRow(7L, "Jane Doe", Role.SPOKE, null));
                d.people.add(new PersonRow(7L, "Jane D.", Role.SPOKE, null));
                d.people.add(new PersonRow(8L, "Jane Doe", Role.SPOKE, null));
            });

            assertThat(check(draft)).containsExactly(violation("people[1].name", "record.person.duplicate"));
        }

        @Test
        void allowsOnePersonInSeveralRoles() {
            assertThat(check(valid().by("Jane Doe", Role.PRESIDED).by("Jane Doe", Role.SPOKE)))
                    .isEmpty();
        }

        @Test
        void skipsBlankRowsButKeepsTheOthersPositions() {
            RecordDraft draft = with(valid().build(), d -> {
                d.people.add(new PersonRow(null, " ", null, text(400)));
                d.people.add(new PersonRow(null, null, Role.SPOKE, null));
                d.people.add(new PersonRow(null, "Jane Doe", null, null));
            });

            assertThat(check(draft)).containsExactly(violation("people[2].role", "record.role.required"));
        }
    }

    @Nested
    class Storable {

        @Test
        void refusesANulCharacterInAnyText() {
            assertThat(check(with(valid().build(), d -> d.title = "A\0title")))
                    .containsExactly(violation("title", "record.text.nul"));
            assertThat(check(valid().place("Bei\0jing").organization("\0")))
                    .containsExactly(
                            violation("place", "record.text.nul"), violation("organization", "record.text.nul"));
            assertThat(check(valid().summary("a\0").body("b\0").source("c\0")))
                    .containsExactly(
                            violation("summary", "record.text.nul"),
                            violation("body", "record.text.nul"),
                            violation("source", "record.text.nul"));
            assertThat(check(valid().by("Jane Doe", Role.SPOKE).by("Jo\0hn", Role.SPOKE, "Mini\0ster")))
                    .containsExactly(
                            violation("people[1].name", "record.text.nul"),
                            violation("people[1].office", "record.text.nul"));
            assertThat(check(valid().theme("Tr\0ade"))).containsExactly(violation("newThemes", "record.text.nul"));
            assertThat(check(valid().note("fine").note("not\0fine")))
                    .containsExactly(violation("notes[1]", "record.text.nul"));
        }

        @Test
        void reportsANulCharacterBesideWhatElseIsWrongWithTheField() {
            assertThat(check(valid().slug("a\0b")))
                    .containsExactly(violation("slug", "record.slug.invalid"), violation("slug", "record.text.nul"));
            assertThat(check(valid().date("2023\0")))
                    .containsExactly(violation("date", "date.format"), violation("date", "record.text.nul"));
            assertThat(check(valid().language("en\0")))
                    .containsExactly(
                            violation("language", "record.language.invalid"), violation("language", "record.text.nul"));
            assertThat(check(valid().translationOf("other\0")))
                    .containsExactly(violation("translationSlug", "record.text.nul"));
        }
    }

    @Nested
    class Normalizing {

        @Test
        void writesLanguageTagsInTheirCanonicalCase() {
            assertThat(RecordRules.normalize(valid().language("ZH-hans").build())
                            .language())
                    .isEqualTo("zh-Hans");
            assertThat(RecordRules.normalize(valid().language(" EN ").build()).language())
                    .isEqualTo("en");
            assertThat(RecordRules.normalize(valid().language("pt-br").build()).language())
                    .isEqualTo("pt-BR");
            assertThat(LanguageTag.canonical("zh-hant-tw")).isEqualTo("zh-Hant-TW");
        }

        @Test
        void separatesParagraphsByExactlyOneBlankLineWithUnixLineEnds() {
            assertThat(RecordRules.normalizeBody("One\r\nline two\r\n\r\n\r\n  Two  \r\n \r\nThree\n"))
                    .isEqualTo("One\nline two\n\nTwo\n\nThree");
            assertThat(RecordRules.normalizeBody("\n\n  First.   \r\rSecond.\r\n\t\r\n\u00a0\r\nThird.\n\n\n"))
                    .isEqualTo("First.\n\nSecond.\n\nThird.");
            assertThat(RecordRules.normalize(
                                    valid().body("A.  \r\n\r\n\r\n\r\nB.  \r\n").build())
                            .body())
                    .isEqualTo("A.\n\nB.");
            assertThat(RecordRules.normalizeBody("Already\n\nnormal.")).isEqualTo("Already\n\nnormal.");
        }

        @Test
        void stripsTextsAndDropsBlankOnes() {
            RecordDraft normalized = RecordRules.normalize(Drafts.speech("  A title \n")
                    .slug(" a-title ")
                    .place("  ")
                    .organization(" State Council ")
                    .summary(" One.\r\nTwo. ")
                    .source("\r\n")
                    .translationOf(" other ")
                    .build());

            assertThat(normalized.title()).isEqualTo("A title");
            assertThat(normalized.slug()).isEqualTo("a-title");
            assertThat(normalized.place()).isNull();
            assertThat(normalized.organization()).isEqualTo("State Council");
            assertThat(normalized.summary()).isEqualTo("One.\nTwo.");
            assertThat(normalized.source()).isNull();
            assertThat(normalized.translationSlug()).isEqualTo("other");
            assertThat(RecordRules.normalize(valid().slug("").build()).slug()).isNull();
        }

        @Test
        void writesTheDateCanonicallyWithItsPrecision() {
            RecordDraft day = RecordRules.normalize(valid().date(" 2023-08-21 ").build());
            assertThat(day.date()).isEqualTo("2023-08-21");
            assertThat(day.datePrecision()).isEqualTo(DatePrecision.DAY);

            RecordDraft month = RecordRules.normalize(
                    with(valid().date("2023-08-21").build(), d -> d.datePrecision = DatePrecision.MONTH));
            assertThat(month.date()).isEqualTo("2023-08");
            assertThat(month.datePrecision()).isEqualTo(DatePrecision.MONTH);

            RecordDraft none = RecordRules.normalize(valid().date(" ").build());
            assertThat(none.date()).isNull();
            assertThat(none.datePrecision()).isNull();
        }

        @Test
        void dropsBlankPeopleRowsAndStripsTheOthers() {
            RecordDraft normalized = RecordRules.normalize(with(valid().build(), d -> {
                d.people.add(new PersonRow(null, " Jane Doe ", Role.SPOKE, " Minister "));
                d.people.add(new PersonRow(null, "  ", Role.SPOKE, "Office of nobody"));
                d.people.add(new PersonRow(7L, " ", Role.PRESIDED, " "));
            }));

            assertThat(normalized.people())
                    .containsExactly(
                            new PersonRow(null, "Jane Doe", Role.SPOKE, "Minister"),
                            new PersonRow(7L, null, Role.PRESIDED, null));
        }

        @Test
        void dropsBlankNotesAndStripsTheOthers() {
            RecordDraft normalized = RecordRules.normalize(valid().note(" ")
                    .note("  First\r\nnote. ")
                    .note("")
                    .note("Second.")
                    .build());

            assertThat(normalized.notes()).containsExactly("First\nnote.", "Second.");
        }

        @Test
        void dropsRepeatedAndBlankThemesKeepingTheFirstSpelling() {
            RecordDraft normalized = RecordRules.normalize(with(valid().build(), d -> {
                d.themes.add(new ThemeRef(null, " Trade "));
                d.themes.add(new ThemeRef(3L, null));
                d.themes.add(new ThemeRef(null, "TRADE"));
                d.themes.add(new ThemeRef(null, " "));
                d.themes.add(new ThemeRef(3L, "Digital economy"));
                d.themes.add(new ThemeRef(null, "Talent"));
            }));

            assertThat(normalized.themes())
                    .containsExactly(new ThemeRef(null, "Trade"), new ThemeRef(3L, null), new ThemeRef(null, "Talent"));
        }

        @Test
        void keepsWhatNeedsNoNormalizing() {
            RecordDraft draft = valid().kind(RecordKind.STUDY_SESSION)
                    .status(RecordStatus.WITHDRAWN)
                    .by("Jane Doe", Role.LECTURED)
                    .build();

            RecordDraft normalized = RecordRules.normalize(draft);

            assertThat(normalized.kind()).isEqualTo(RecordKind.STUDY_SESSION);
            assertThat(normalized.status()).isEqualTo(RecordStatus.WITHDRAWN);
            assertThat(normalized.title()).isEqualTo("A title");
            assertThat(normalized.body()).isEqualTo("A paragraph.");
            assertThat(RecordRules.normalize(normalized))
                    .as("normalising twice changes nothing")
                    .isEqualTo(normalized);
        }
    }

    /** A draft's fields, to change any of them, including to null. */
    static final class Fields {
        @Nullable
        String slug;

        @Nullable
        String title;

        @Nullable
        RecordKind kind;

        @Nullable
        String date;

        @Nullable
        DatePrecision datePrecision;

        @Nullable
        String place;

        @Nullable
        String organization;

        @Nullable
        String language;

        @Nullable
        String summary;

        @Nullable
        String body;

        @Nullable
        String source;

        @Nullable
        RecordStatus status;

        @Nullable
        String translationSlug;

        final List<PersonRow> people = new ArrayList<>();
        final List<ThemeRef> themes = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    /** {@code draft} with the changes {@code change} makes to its fields. */
    static RecordDraft with(RecordDraft draft, Consumer<Fields> change) {
        Fields d = new Fields();
        d.slug = draft.slug();
        d.title = draft.title();
        d.kind = draft.kind();
        d.date = draft.date();
        d.datePrecision = draft.datePrecision();
        d.place = draft.place();
        d.organization = draft.organization();
        d.language = draft.language();
        d.summary = draft.summary();
        d.body = draft.body();
        d.source = draft.source();
        d.status = draft.status();
        d.translationSlug = draft.translationSlug();
        d.people.addAll(draft.people());
        d.themes.addAll(draft.themes());
        d.notes.addAll(draft.notes());
        change.accept(d);
        return new RecordDraft(
                d.slug,
                d.title,
                d.kind,
                d.date,
                d.datePrecision,
                d.place,
                d.organization,
                d.language,
                d.summary,
                d.body,
                d.source,
                d.status,
                d.translationSlug,
                d.people,
                d.themes,
                d.notes);
    }
}
