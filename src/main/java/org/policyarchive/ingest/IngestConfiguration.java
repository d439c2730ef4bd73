package org.policyarchive.ingest;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the nightly fixity check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {}
