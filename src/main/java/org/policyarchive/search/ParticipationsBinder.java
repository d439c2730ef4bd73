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
import org.policyarchive.person.Person;
import org.policyarchive.record.Participation;

/**
 * Indexes a record's people: each person's id (alone and with the role, so that "Chen Chun as lecturer" is one
 * filter), the roles, and every name the person goes by (name, name in the original script, aliases).
 */
final class ParticipationsBinder implements PropertyBinder {

    @Override
    public void bind(PropertyBindingContext context) {
        // Changes to a person's names are followed by NameChangeIndexing: a person does not know its records.
        context.dependencies().use("role").use("person");
        IndexSchemaElement schema = context.indexSchemaElement();
        context.bridge(new Bridge(
                NameFields.keyword(schema, PERSON, true),
                NameFields.keyword(schema, PERSON_ROLE, false),
                NameFields.keyword(schema, ROLE, true),
                NameFields.declare(schema, PEOPLE)));
    }

    private record Bridge(
            IndexFieldReference<String> person,
            IndexFieldReference<String> personRole,
            IndexFieldReference<String> role,
            NameFields names)
            implements PropertyBridge<Object> {

        @Override
        public void write(DocumentElement target, Object bridgedElement, PropertyBridgeWriteContext context) {
            for (Object element : (Collection<?>) bridgedElement) {
                Participation participation = (Participation) element;
                Person p = participation.getPerson();
                String code = participation.getRole().code();
                target.addValue(person, String.valueOf(p.getId()));
                target.addValue(personRole, RecordFields.personRole(p.getId(), code));
                target.addValue(role, code);
                names.add(target, p.getName());
                names.add(target, p.getNativeName());
                p.getAliases().forEach(alias -> names.add(target, alias));
            }
        }
    }
}
