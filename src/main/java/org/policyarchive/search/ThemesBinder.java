package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.util.Collection;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;
import org.policyarchive.theme.Theme;

/**
 * Indexes a record's themes by id, with the broader theme of each narrower one (so that filtering and counting by a
 * broader theme takes in its narrower themes' records, each once), and by their English and Chinese names.
 */
final class ThemesBinder implements PropertyBinder {

    @Override
    public void bind(PropertyBindingContext context) {
        // Which themes a record has is tracked here; a theme's new name or broader theme is followed by
        // NameChangeIndexing, since a theme does not know its records.
        context.dependencies().useRootOnly();
        IndexSchemaElement schema = context.indexSchemaElement();
        context.bridge(new Bridge(NameFields.keyword(schema, THEME, true), NameFields.declare(schema, THEMES)));
    }

    private record Bridge(IndexFieldReference<String> theme, NameFields names) implements PropertyBridge<Object> {

        @Override
        public void write(DocumentElement target, Object bridgedElement, PropertyBridgeWriteContext context) {
            for (Object element : (Collection<?>) bridgedElement) {
                Theme t = (Theme) element;
                target.addValue(theme, String.valueOf(t.getId()));
                if (t.getParent() != null) {
                    target.addValue(theme, String.valueOf(t.getParent().getId()));
                }
                names.add(target, t.getName());
                names.add(target, t.getNameZh());
            }
        }
    }
}
