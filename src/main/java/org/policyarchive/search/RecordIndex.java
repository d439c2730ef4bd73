package org.policyarchive.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Record;
import org.springframework.stereotype.Component;

/**
 * The record index of the embedded Lucene backend, for the searches that read it with plain Lucene. Its scope is made
 * on first use and kept: making one through each request's search session cost a measurable share of a narrow
 * search.
 */
@Component
class RecordIndex {

    private final EntityManagerFactory entityManagerFactory;
    private volatile @Nullable LuceneIndexScope scope;

    RecordIndex(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Runs {@code search} on a reader of the index as it is now. */
    <T> T read(Reading<T> search) {
        try (IndexReader reader = scope().openIndexReader()) {
            return search.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search over the index's reader. */
    @FunctionalInterface
    interface Reading<T> {
        T read(IndexReader reader) throws IOException;
    }

    private LuceneIndexScope scope() {
        LuceneIndexScope current = scope;
        if (current == null) {
            current = Search.mapping(entityManagerFactory).scope(Record.class).extension(LuceneExtension.get());
            scope = current;
        }
        return current;
    }
}
