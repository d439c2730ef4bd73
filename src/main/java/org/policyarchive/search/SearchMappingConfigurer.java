package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;
import static org.policyarchive.search.SearchAnalysisConfigurer.EXACT;
import static org.policyarchive.search.SearchAnalysisConfigurer.PREFIX;
import static org.policyarchive.search.SearchAnalysisConfigurer.PREFIX_QUERY;

import java.util.List;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.policyarchive.person.Person;
import org.policyarchive.record.Record;
import org.policyarchive.theme.Theme;
import org.springframework.stereotype.Component;

/**
 * Maps records, people and themes to the index without a search annotation on the entities, so that search stays in
 * this module. People and themes enter a record's document through bridges that index them by id (for filters and
 * facets) and by every name; since neither entity knows its records, their renames are followed by
 * {@link NameChangeIndexing} rather than by Hibernate Search's own dependency tracking.
 */
@Component(SearchMappingConfigurer.BEAN_NAME)
public class SearchMappingConfigurer implements HibernateOrmSearchMappingConfigurer {

    static final String BEAN_NAME = "searchMappingConfigurer";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        mapRecord(mapping.type(Record.class));
        mapSuggestions(mapping.type(Person.class), "person", "name", "nativeName", "aliases");
        mapSuggestions(mapping.type(Theme.class), "theme", "name", "nameZh");
    }

    private static void mapRecord(TypeMappingStep record) {
        record.indexed().index(INDEX);
        record.binder(new IndexVersionBinder());
        record.binder(new RecordOrder());
        // the id again, in doc values, so that the search page reads its hits' ids straight from Lucene
        record.property("id").genericField(RECORD_ID).searchable(Searchable.NO).sortable(Sortable.YES);
        for (String text : List.of(TITLE, SUMMARY, BODY)) {
            record.property(text)
                    .binder(new TextWithOffsetsBinder(text))
                    .fullTextField(exact(text))
                    .analyzer(EXACT);
        }
        record.property("participations").binder(new ParticipationsBinder());
        record.property("themes").binder(new ThemesBinder());
        record.property("kind").keywordField(KIND).valueBridge(new KindBridge()).aggregable(Aggregable.YES);
        record.property("language").keywordField(LANGUAGE).aggregable(Aggregable.YES);
        record.property("status").keywordField(STATUS);
        record.property("date")
                .genericField(DATE)
                .sortable(Sortable.YES)
                .genericField(YEAR)
                .valueBridge(new YearBridge())
                .aggregable(Aggregable.YES);
        record.property("updatedAt")
                .genericField(UPDATED_AT)
                .sortable(Sortable.YES)
                .projectable(Projectable.YES);
    }

    private static void mapSuggestions(TypeMappingStep type, String index, String... properties) {
        type.indexed().index(index);
        for (String property : properties) {
            type.property(property).fullTextField().analyzer(PREFIX).searchAnalyzer(PREFIX_QUERY);
        }
    }
}
