package dev.e2ee.prs.audit;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Scheduling for the audit feature's periodic work (publishing aggregated {@code auth.failed} events), at the
 * interval of {@link AuditProperties} (its one default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {

    @Bean
    SchedulingConfigurer authFailureFlushSchedule(AuthFailureAuditor auditor, AuditProperties properties) {
        Duration interval = properties.authFailureFlushInterval();
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(auditor::flushEnded, interval, interval));
    }
}
