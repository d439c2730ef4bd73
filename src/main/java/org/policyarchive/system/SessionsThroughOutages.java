package org.policyarchive.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so while the database cannot be reached no request would find its
 * session: an editor's save would come back as a sign-in page and lose what was typed. This node therefore remembers
 * the sessions it read last, and hands one out only while the database is away; whatever the request goes on to do
 * needs the database too, so the remembered session lets it reach the page that keeps the form as typed, and no more.
 * A session that was ended on this node is forgotten at once.
 */
@Component
class SessionsThroughOutages implements BeanPostProcessor {

    private final ObjectProvider<DatabaseOutage> outage;

    SessionsThroughOutages(ObjectProvider<DatabaseOutage> outage) {
        this.outage = outage;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FindByIndexNameSessionRepository<?> sessions && !(bean instanceof RememberingSessions<?>)) {
            return remembering(sessions);
        }
        return bean;
    }

    private <S extends Session> RememberingSessions<S> remembering(FindByIndexNameSessionRepository<S> sessions) {
        return new RememberingSessions<>(sessions, outage);
    }

    static final class RememberingSessions<S extends Session> implements FindByIndexNameSessionRepository<S> {

        /** Enough for the editors signed in on one node; the readers have no session. */
        private static final int REMEMBERED = 1_000;

        private final FindByIndexNameSessionRepository<S> sessions;
        private final ObjectProvider<DatabaseOutage> outage;
        private final Map<String, S> remembered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > REMEMBERED;
            }
        });

        RememberingSessions(FindByIndexNameSessionRepository<S> sessions, ObjectProvider<DatabaseOutage> outage) {
            this.sessions = sessions;
            this.outage = outage;
        }

        @Override
        public S createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(S session) {
            if (outageSeenLately()) {
                return;
            }
            try {
                sessions.save(session);
                remembered.put(session.getId(), session);
            } catch (RuntimeException e) {
                // nothing the request changed in its session can be kept while the database is away
                if (!isOutage(e)) {
                    throw e;
                }
            }
        }

        @Override
        public @Nullable S findById(String id) {
            if (outageSeenLately()) {
                return remembered.get(id);
            }
            try {
                S session = sessions.findById(id);
                if (session == null) {
                    remembered.remove(id);
                } else {
                    remembered.put(id, session);
                }
                return session;
            } catch (RuntimeException e) {
                if (isOutage(e)) {
                    return remembered.get(id);
                }
                throw e;
            }
        }

        @Override
        public void deleteById(String id) {
            remembered.remove(id);
            sessions.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }

        private boolean outageSeenLately() {
            DatabaseOutage check = outage.getIfAvailable();
            return check != null && check.seenLately();
        }

        private boolean isOutage(RuntimeException e) {
            DatabaseOutage check = outage.getIfAvailable();
            return check != null && check.explains(e);
        }
    }
}
