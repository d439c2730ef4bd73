package org.policyarchive.system;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, the network cut) from every other failure,
 * so that it gets a 503 that says to come back soon instead of a 500, and an editor's form is kept as typed.
 */
@Component
public class DatabaseOutage {

    /** How long a client is asked to wait before it tries again: about as long as a database restart takes. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final int PROBE_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private static final Duration LATELY = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private volatile long lastSeen;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether the database being out of reach explains {@code failure}: the driver's or the pool's connection error is
     * among its causes, or else it is a database error and the database cannot be reached now. The second look is
     * needed because a transaction whose connection broke fails again when it rolls back, and the rollback's error,
     * which replaces the first one, only says that the connection is closed.
     */
    public boolean explains(Throwable failure) {
        boolean outage = causedByConnection(failure) || (fromDatabase(failure) && !reachable());
        if (outage) {
            lastSeen = System.nanoTime();
        }
        return outage;
    }

    /**
     * Whether an outage was seen in the last few seconds. Each look at an unreachable database waits for the pool's
     * connection timeout, so the checks that may be skipped during an outage (a session's sign-in state, saving the
     * session) are, and a request reaches its 503 page after one wait instead of one per check.
     */
    public boolean seenLately() {
        long seen = lastSeen;
        return seen != 0 && System.nanoTime() - seen < LATELY.toNanos();
    }

    /**
     * Answers 503 with {@code Retry-After} (the caller writes the page), and logs the request in one line rather than
     * a stack trace each while the database is away.
     */
    public void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
        log.warn(
                "{} {} answered 503: the database cannot be reached ({})",
                request.getMethod(),
                request.getRequestURI(),
                rootMessage(failure));
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }

    private static boolean fromDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException
                    || cause instanceof TransactionException
                    || cause instanceof PersistenceException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean causedByConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is a connection exception (PostgreSQL's driver says 08001 when it cannot connect, 08006 when a
     * connection breaks); 57P01 to 57P03 are a server shutting down, crashed or still starting.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.matches("57P0[123]"));
    }

    /** Whether a connection can be had and answers now; waits at most the pool's connection timeout. */
    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
