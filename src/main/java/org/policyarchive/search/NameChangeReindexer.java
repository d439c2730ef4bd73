package org.policyarchive.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.policyarchive.person.Person;
import org.policyarchive.theme.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reindexes the records of a person or a theme after a committed change to it (a rename, a new alias), so that
 * search shows the new name without a reimport. Hibernate Search cannot do this itself because a person and a theme
 * do not know their records (the person and theme modules never depend on the record module).
 */
@Component
class NameChangeReindexer implements PostUpdateEventListener {

    private static final Logger log = LoggerFactory.getLogger(NameChangeReindexer.class);

    private final SessionFactoryImplementor sessionFactory;

    NameChangeReindexer(EntityManagerFactory entityManagerFactory) {
        this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        sessionFactory
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class)
                .appendListeners(EventType.POST_COMMIT_UPDATE, this);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return isFollowed(persister.getMappedClass());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        Object entity = event.getEntity();
        if (entity instanceof Person person) {
            reindex("select distinct p.record.id from Participation p where p.person.id = :id", person.getId());
        } else if (entity instanceof Theme theme) {
            reindex("select distinct r.id from Record r join r.themes t where t.id = :id", theme.getId());
        }
    }

    private static boolean isFollowed(Class<?> type) {
        return Person.class.isAssignableFrom(type) || Theme.class.isAssignableFrom(type);
    }

    /** Reindexes the records that the query finds, in a session of its own. */
    private void reindex(String recordIdQuery, Long id) {
        try (Session session = sessionFactory.openSession()) {
            List<Long> ids = session.createQuery(recordIdQuery, Long.class)
                    .setParameter("id", id)
                    .list();
            SearchIndexMaintenance.index(session, ids);
            log.debug("Reindexed {} records after a change to {}", ids.size(), id);
        }
    }
}
