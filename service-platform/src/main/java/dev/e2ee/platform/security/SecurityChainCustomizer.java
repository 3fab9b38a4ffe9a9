package dev.e2ee.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds to the platform's security chain before its authorization rules are set, e.g. a filter after
 * authentication. The platform's rate limiter contributes itself this way; services rarely need it.
 */
@FunctionalInterface
public interface SecurityChainCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
