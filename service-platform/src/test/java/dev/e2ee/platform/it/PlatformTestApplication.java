package dev.e2ee.platform.it;

import dev.e2ee.platform.security.ApiKeyAuthenticator;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.AuthenticationFailedEvent;
import dev.e2ee.platform.security.AuthorizationRules;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;

/** A minimal service on the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {

    /** The raw API key {@link #apiKeyAuthenticator()} accepts (generated per JVM). */
    static final String USER_API_KEY = "uk_" + java.util.UUID.randomUUID();

    static final String USER_API_KEY_ID = "key-" + java.util.UUID.randomUUID();

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator() {
        return rawKey -> USER_API_KEY.equals(rawKey)
                ? Optional.of(
                        new E2eePrincipal("api-user", Set.of(Role.USER), null, AuthMethod.API_KEY, USER_API_KEY_ID))
                : Optional.empty();
    }

    @Bean
    AuthorizationRules adminRules() {
        return rules ->
                rules.requestMatchers(HttpMethod.GET, "/api/v1/admin/**").hasRole("ADMIN");
    }

    @Bean
    FailedAuthentications failedAuthentications() {
        return new FailedAuthentications();
    }

    /** Records every {@link AuthenticationFailedEvent}. */
    static final class FailedAuthentications {

        private final List<AuthenticationFailedEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AuthenticationFailedEvent event) {
            events.add(event);
        }

        Optional<AuthenticationFailedEvent> forRequest(String requestId) {
            return events.stream().filter(e -> requestId.equals(e.requestId())).findFirst();
        }
    }
}
