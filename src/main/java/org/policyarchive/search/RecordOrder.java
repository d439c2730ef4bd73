package org.policyarchive.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Record;
import org.policyarchive.system.DatePrecision;

/**
 * The one rule by which every list of records is ordered (browse, search, a person's and a theme's records, the home
 * page's latest), written into each record's document as two sort keys that {@link LuceneRecordQuery#sort} reads.
 *
 * <p>By date: a date known only to the month or the year stands at the start of its month or year, before the days
 * it holds; so oldest first reads 2023, 2023-01-05, …, 2023-08, 2023-08-01, 2023-08-21, and newest first is its exact
 * reverse: 2023-08-21, 2023-08-01, 2023-08, …, 2023-01-05, 2023. Records without a date come last in both directions
 * (the sort's missing value), and lists label them "Undated". Records of the same date and precision follow their ids
 * (newest record first in the newest-first order).
 *
 * <p>By title: case, accents and leading punctuation (quotes, brackets) do not count; other scripts follow Latin by
 * code point.
 */
final class RecordOrder implements TypeBinder {

    /** Title keys are cut to this many characters: two titles alike that far are alike enough. */
    static final int TITLE_KEY_LENGTH = 100;

    /**
     * The date's sort key: its first day (as an epoch day), then its precision, year before month before day, so that
     * a period sorts at its start and before its days.
     */
    static long dateKey(LocalDate date, @Nullable DatePrecision precision) {
        int rank = switch (precision == null ? DatePrecision.DAY : precision) {
            case YEAR -> 0;
            case MONTH -> 1;
            case DAY -> 2;
        };
        return date.toEpochDay() * 3 + rank;
    }

    /** The title's sort key: lower case, without accents and leading punctuation, cut to {@link #TITLE_KEY_LENGTH}. */
    static String titleKey(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceFirst("^[^\\p{L}\\p{N}]+", "")
                .toLowerCase(Locale.ROOT);
        return folded.substring(0, Math.min(folded.length(), TITLE_KEY_LENGTH));
    }

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().use("date").use("datePrecision").use("title");
        IndexFieldReference<Long> date = context.indexSchemaElement()
                .field(RecordFields.DATE_ORDER, f -> f.asLong().sortable(Sortable.YES))
                .toReference();
        IndexFieldReference<String> title = context.indexSchemaElement()
                .field(RecordFields.TITLE_ORDER, f -> f.asString().sortable(Sortable.YES))
                .toReference();
        TypeBridge<Record> bridge = (target, record, bridgeContext) -> {
            if (record.getDate() != null) {
                target.addValue(date, dateKey(record.getDate(), record.getDatePrecision()));
            }
            target.addValue(title, titleKey(record.getTitle()));
        };
        context.bridge(Record.class, bridge);
    }
}
