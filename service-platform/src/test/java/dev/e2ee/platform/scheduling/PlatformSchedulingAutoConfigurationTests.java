package dev.e2ee.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Background tasks scheduled with a fixed delay run side by side, with virtual threads on or off: a task that takes
 * long (the audit sealer draining a backlog) does not hold back another (the audit stream consumer).
 */
class PlatformSchedulingAutoConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    PlatformSchedulingAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
            .withPropertyValues("spring.task.scheduling.pool.size=2")
            .withUserConfiguration(TwoTasks.class);

    @Test
    void fixedDelayTasksWhenOneBlocksThenTheOtherStillRunsWithVirtualThreads() {
        contexts.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            assertThat(context).getBean("taskScheduler").isInstanceOf(ThreadPoolTaskScheduler.class);
            awaitOtherRanWhileTheFirstBlocked(context.getBean(TwoTasks.class));
        });
    }

    @Test
    void fixedDelayTasksWhenOneBlocksThenTheOtherStillRunsWithPlatformThreads() {
        contexts.run(context -> {
            assertThat(context.getBean(TaskScheduler.class)).isInstanceOf(ThreadPoolTaskScheduler.class);
            assertThat(((ThreadPoolTaskScheduler) context.getBean(TaskScheduler.class)).getPoolSize())
                    .isEqualTo(2);
            awaitOtherRanWhileTheFirstBlocked(context.getBean(TwoTasks.class));
        });
    }

    private static void awaitOtherRanWhileTheFirstBlocked(TwoTasks tasks) {
        await().atMost(Duration.ofSeconds(8))
                .alias("the second task ran while the first one was still running")
                .until(tasks::otherRanWhileTheFirstBlocked);
    }

    @Test
    void schedulerWhenTheApplicationDefinesOneThenItsOwnIsKept() {
        contexts.withBean("taskScheduler", TaskScheduler.class, ThreadPoolTaskScheduler::new)
                .run(context -> assertThat(context).hasSingleBean(TaskScheduler.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class TwoTasks implements SchedulingConfigurer {

        private final CountDownLatch otherRan = new CountDownLatch(1);
        private volatile boolean otherRanInTime;

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            tasks.addFixedDelayTask(new FixedDelayTask(this::longTask, Duration.ofHours(1), Duration.ZERO));
            tasks.addFixedDelayTask(
                    new FixedDelayTask(otherRan::countDown, Duration.ofMillis(100), Duration.ofMillis(200)));
        }

        private void longTask() {
            try {
                otherRanInTime = otherRan.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean otherRanWhileTheFirstBlocked() {
            return otherRanInTime;
        }
    }
}
