package org.policyarchive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;

/**
 * Indexes a text property with the {@link SearchAnalysisConfigurer#TEXT} analyzer and each word's character offsets
 * in the postings, so that {@link Highlights} finds a hit's matches there instead of analysing its whole text again.
 * Hibernate Search's own text fields keep offsets only in term vectors, a second copy of every word of every document;
 * this is a Lucene field of its own (Hibernate Search's native field), not stored: the text is read from PostgreSQL.
 */
final class TextWithOffsetsBinder implements PropertyBinder {

    private static final FieldType TYPE = new FieldType();

    static {
        TYPE.setTokenized(true);
        TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TYPE.freeze();
    }

    private final String field;

    TextWithOffsetsBinder(String field) {
        this.field = field;
    }

    @Override
    public void bind(PropertyBindingContext context) {
        context.dependencies().useRootOnly();
        IndexFieldReference<String> reference = context.indexSchemaElement()
                .field(
                        field,
                        f -> f.extension(LuceneExtension.get())
                                .asNative(
                                        String.class,
                                        (path, value, collector) -> collector.accept(new Text(path, value))))
                .toReference();
        PropertyBridge<String> bridge = (DocumentElement target, String text, PropertyBridgeWriteContext ignored) -> {
            if (text != null) {
                target.addValue(reference, text);
            }
        };
        context.bridge(String.class, bridge);
    }

    /** A field analysed by the index's text analyzer, whatever analyzer the index writer would give it. */
    private static final class Text extends Field {

        private static final Analyzer ANALYZER = SearchAnalysisConfigurer.analyzer(SearchAnalysisConfigurer.TEXT);

        Text(String name, String value) {
            super(name, value, TYPE);
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return ANALYZER.tokenStream(name(), stringValue());
        }
    }
}
