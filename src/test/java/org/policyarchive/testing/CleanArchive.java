package org.policyarchive.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts each test (or, with {@code perClass}, each test class) on an archive that holds only what the migrations put
 * there: the seed record with its people and themes, no users, no imports, no audit entries, and a search index of
 * exactly that. So a test can assert whole values (counts, lists, facets) rather than "contains".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CleanArchiveExtension.class)
public @interface CleanArchive {

    /** Clean once before the class's first test, for classes that load a large fixture in {@code @BeforeAll}. */
    boolean perClass() default false;
}
