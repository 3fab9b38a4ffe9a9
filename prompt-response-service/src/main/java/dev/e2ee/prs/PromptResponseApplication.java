package dev.e2ee.prs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Opens envelopes, processes prompts, keeps encrypted sessions and async jobs in Redis. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PromptResponseApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromptResponseApplication.class, args);
    }
}
