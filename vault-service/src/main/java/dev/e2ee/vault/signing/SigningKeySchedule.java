package dev.e2ee.vault.signing;

import dev.e2ee.vault.key.VaultKeyProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** The fleet-wide signing-key state is re-read every {@code signing-refresh-interval} (default in the record). */
@Configuration(proxyBeanMethods = false)
class SigningKeySchedule {

    @Bean
    SchedulingConfigurer signingKeyRefreshSchedule(SigningKeyRefresher refresher, VaultKeyProperties properties) {
        Duration interval = properties.signingRefreshInterval();
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(refresher::refreshScheduled, interval, interval));
    }
}
