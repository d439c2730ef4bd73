package org.policyarchive.uploads;

import org.policyarchive.system.ArchiveProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the fixity check on the schedule of {@code archive.fixity.cron} (nightly by default; {@code -} turns it off). */
@Configuration(proxyBeanMethods = false)
class FixitySchedule implements SchedulingConfigurer {

    private final FixityCheck fixity;
    private final String cron;

    FixitySchedule(FixityCheck fixity, ArchiveProperties archive) {
        this.fixity = fixity;
        this.cron = archive.fixity().cron();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!cron.equals("-")) {
            registrar.addCronTask(() -> fixity.run(FixityCheck.SCHEDULE), cron);
        }
    }
}
