package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.antlr.v4.runtime.RuntimeMetaData;
import org.hibernate.grammars.hql.HqlParser;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/**
 * citeproc-java asks for an older ANTLR runtime than Hibernate's; the build pins Hibernate's (pom.xml). The HQL
 * parser must run on the runtime it was generated with, and the archive's HQL queries must still run.
 */
@SpringBootTest
@CleanArchive
class AntlrPinIntegrationTests {

    @Autowired
    RecordCatalog catalog;

    @Test
    void theAntlrRuntimeIsTheOneHibernatesHqlParserWasGeneratedWith() throws IOException {
        byte[] parser;
        try (InputStream in = HqlParser.class.getResourceAsStream("HqlParser.class")) {
            parser = in.readAllBytes();
        }
        // the generated parser checks, once loaded, the version of the tool that generated it against the runtime's
        assertThat(new String(parser, StandardCharsets.ISO_8859_1))
                .as("the ANTLR tool version in Hibernate's HqlParser")
                .contains(RuntimeMetaData.VERSION);
        assertThat(RuntimeMetaData.VERSION).startsWith("4.13.");
    }

    @Test
    void hqlQueriesStillRun() {
        // a JPQL @Query with a LIKE and a collection parameter, and derived queries: all parsed by Hibernate's HQL
        // parser
        assertThat(catalog.findForAdmin(List.of(RecordStatus.PUBLISHED), "digital", PageRequest.of(0, 10))
                        .map(record -> record.getSlug()))
                .containsExactly(CitationIntegrationTests.SEED_SLUG);
        assertThat(catalog.countPublished()).isEqualTo(1);
        assertThat(catalog.findBySlug(CitationIntegrationTests.SEED_SLUG)).isPresent();
    }
}
