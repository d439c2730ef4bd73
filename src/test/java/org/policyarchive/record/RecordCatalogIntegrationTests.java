package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link RecordCatalog}'s listings: what lists and search results show, read in one statement. */
@SpringBootTest
@CleanArchive
class RecordCatalogIntegrationTests {

    @Autowired
    RecordCatalog catalog;

    @Autowired
    RecordEditor editor;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void listingsHoldTheRecordsInTheOrderAskedWithTheirPeopleInOrderAndBroadThemesFirst() {
        transactions.executeWithoutResult(tx -> {
            Theme aardvark = themes.findOrCreate("Aardvark");
            aardvark.setParent(themes.findOrCreate("Zulu"));
            aardvark.setNameZh("土豚");
        });
        long full = editor.create(
                Drafts.speech("Listing")
                        .slug("listing")
                        .date("1999-05")
                        .place("Geneva")
                        .organization("United Nations")
                        .summary("The summary.")
                        .body("The body.")
                        .status(RecordStatus.DRAFT)
                        .by("Listed chair", Role.PRESIDED)
                        .by("Listed speaker", Role.SPOKE, "Minister")
                        .theme("Aardvark")
                        .theme("Zulu")
                        .theme("Alpha")
                        .build(),
                "test",
                null);
        long bare = editor.create(
                Drafts.speech("无日期")
                        .slug("bare")
                        .kind(RecordKind.STATEMENT)
                        .language("zh-Hans")
                        .body("正文")
                        .status(RecordStatus.DRAFT)
                        .build(),
                "test",
                null);

        List<RecordListing> listings = catalog.findListingsWithText(List.of(bare, Long.MAX_VALUE, full));

        assertThat(listings)
                .containsExactly(
                        new RecordListing(
                                bare,
                                "bare",
                                "无日期",
                                null,
                                null,
                                RecordKind.STATEMENT,
                                "zh-Hans",
                                null,
                                null,
                                null,
                                "正文",
                                List.of(),
                                List.of()),
                        new RecordListing(
                                full,
                                "listing",
                                "Listing",
                                LocalDate.of(1999, 5, 1),
                                DatePrecision.MONTH,
                                RecordKind.SPEECH,
                                "en",
                                "Geneva",
                                "United Nations",
                                "The summary.",
                                "The body.",
                                List.of(
                                        new RecordListing.Part("listed-chair", "Listed chair", Role.PRESIDED),
                                        new RecordListing.Part("listed-speaker", "Listed speaker", Role.SPOKE)),
                                List.of(
                                        new RecordListing.ThemeName("alpha", "Alpha", null),
                                        new RecordListing.ThemeName("zulu", "Zulu", null),
                                        new RecordListing.ThemeName("aardvark", "Aardvark", "土豚"))));
        assertThat(catalog.findListingsWithText(List.of())).isEmpty();
    }
}
