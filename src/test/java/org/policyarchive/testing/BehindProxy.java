package org.policyarchive.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of tests whose archive reaches PostgreSQL through a {@link TcpProxy} they can cut, to take the database
 * away: they share the proxy and one application context, with a real server on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BehindProxy {

    /** Stays open after the tests: the context it serves is cached and closed at the end of the run. */
    protected static final TcpProxy proxy = TcpProxy.to(TestDatabase.database().url());

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add(TestDatabase.URL_THROUGH, proxy::jdbcUrl);
    }
}
