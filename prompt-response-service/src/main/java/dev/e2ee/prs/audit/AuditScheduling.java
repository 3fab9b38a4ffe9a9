package dev.e2ee.prs.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the audit feature's periodic work (publishing aggregated {@code auth.failed} events). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {}
