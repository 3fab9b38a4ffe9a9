package dev.e2ee.platform.scheduling;

import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * The scheduler of both services' background tasks (the audit stream consumer and sealer, key and mirror refreshes,
 * sweepers, job workers): a pool of platform threads sized by {@code spring.task.scheduling.pool.size}, also when
 * requests run on virtual threads. With virtual threads Boot would choose its {@code SimpleAsyncTaskScheduler}, which
 * runs every fixed-delay task on its one scheduler thread: one long task then holds back all the others. Under load
 * the audit sealer draining a backlog held back the audit stream consumer for most of a minute, the stream reached
 * its backlog limit and the prompt-response service answered 503 (docs/performance.md, "What the security fixes
 * cost"). Configured before Boot's task scheduling, whose own {@code taskScheduler} then backs off.
 */
@AutoConfiguration(before = TaskSchedulingAutoConfiguration.class)
public class PlatformSchedulingAutoConfiguration {

    @Bean(name = "taskScheduler")
    @ConditionalOnBean(name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)
    @ConditionalOnMissingBean({TaskScheduler.class, ScheduledExecutorService.class})
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }
}
