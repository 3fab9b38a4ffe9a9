package dev.e2ee.vault.apikey;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Re-publishes the API-key mirror every {@code mirror-refresh-interval} (its one default is in the record). */
@Configuration(proxyBeanMethods = false)
class ApiKeyMirrorSchedule {

    @Bean
    SchedulingConfigurer apiKeyMirrorRefreshSchedule(ApiKeyMirror mirror, ApiKeyProperties properties) {
        Duration interval = properties.mirrorRefreshInterval();
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(mirror::refresh, interval, interval));
    }
}
