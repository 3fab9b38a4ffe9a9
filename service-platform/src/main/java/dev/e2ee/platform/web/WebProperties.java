package dev.e2ee.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code e2ee.web.*}.
 *
 * @param maxBodySize largest accepted request body (413 {@code PAYLOAD_TOO_LARGE} above it)
 * @param allowedOrigins CORS origins ({@code ALLOWED_ORIGINS}); empty = no CORS headers
 */
@ConfigurationProperties("e2ee.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxBodySize, List<String> allowedOrigins) {

    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
