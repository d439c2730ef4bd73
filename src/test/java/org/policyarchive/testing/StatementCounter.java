package org.policyarchive.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements a piece of code sends to PostgreSQL, at the JDBC level, so that what Hibernate, Spring
 * Data, Spring's JdbcTemplate and Hibernate Search's loading send are all seen. Import it into a test's context; it
 * wraps the context's {@link DataSource}. Only statements run on the calling thread while {@link #record} runs are
 * counted, so background work (event listeners, index catch-up) never changes a count. A batch is one statement: it
 * is one round trip.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<@Nullable List<String>> recording = new ThreadLocal<>();

    /** What {@code work} returned, and the statements it ran, in order. */
    public record Recorded<T>(T result, List<String> statements) {

        public int count() {
            return statements.size();
        }
    }

    /** Runs {@code work} on this thread and records the statements it sends. */
    public static <T> Recorded<T> record(Callable<T> work) throws Exception {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            T result = work.call();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            recording.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, this::dataSourceCall);
        }
        return bean;
    }

    private @Nullable Object dataSourceCall(Object target, Method method, @Nullable Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        return result instanceof Connection connection
                ? proxy(Connection.class, connection, StatementCounter::connectionCall)
                : result;
    }

    private static @Nullable Object connectionCall(Object target, Method method, @Nullable Object[] args)
            throws Throwable {
        Object result = invoke(target, method, args);
        String name = method.getName();
        if (result instanceof CallableStatement statement) {
            return proxy(CallableStatement.class, statement, statementCall(String.valueOf(args[0])));
        }
        if (result instanceof PreparedStatement statement) {
            return proxy(PreparedStatement.class, statement, statementCall(String.valueOf(args[0])));
        }
        if (result instanceof Statement statement && name.equals("createStatement")) {
            return proxy(Statement.class, statement, statementCall(null));
        }
        return result;
    }

    /** Counts each execution; a plain statement names its SQL when it runs, a prepared one when it was prepared. */
    private static Handler statementCall(@Nullable String preparedSql) {
        return (target, method, args) -> {
            List<String> statements = recording.get();
            if (statements != null && method.getName().startsWith("execute")) {
                boolean sqlGiven = args != null && args.length > 0 && args[0] instanceof String;
                statements.add(sqlGiven ? (String) args[0] : String.valueOf(preparedSql));
            }
            return invoke(target, method, args);
        };
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.call(target, method, args);
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    @FunctionalInterface
    private interface Handler {
        @Nullable
        Object call(Object target, Method method, @Nullable Object[] args) throws Throwable;
    }
}
