package dev.e2ee.vault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Stores prompts encrypted at rest and issues signed, hybrid-encrypted envelopes. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class VaultApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaultApplication.class, args);
    }
}
