package org.policyarchive.search;

import org.policyarchive.system.ArchiveProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the embedded Lucene index under the archive's data directory ({@code archive.data-dir}/index). */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    HibernatePropertiesCustomizer indexDirectory(ArchiveProperties archive) {
        return properties -> properties.putIfAbsent(
                "hibernate.search.backend.directory.root",
                archive.dataDir().resolve("index").toString());
    }
}
