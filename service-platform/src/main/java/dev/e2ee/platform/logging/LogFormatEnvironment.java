package dev.e2ee.platform.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one log switch of both services: {@code LOG_FORMAT=text} (default, Boot's console pattern) or {@code json}
 * (Boot's structured logging in the Elastic Common Schema, one JSON object per line). Every line carries the MDC:
 * {@code requestId}, and with tracing on the trace and span ids, renamed to ECS {@code trace.id}/{@code span.id}.
 * Runs before the logging system starts; an explicit {@code logging.structured.format.console} still wins.
 */
public final class LogFormatEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "e2eeLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("LOG_FORMAT", "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "", "text" -> {}
            case "json" ->
                environment
                        .getPropertySources()
                        .addLast(new MapPropertySource(
                                SOURCE_NAME,
                                Map.of(
                                        "logging.structured.format.console", "ecs",
                                        "logging.structured.json.rename.traceId", "trace.id",
                                        "logging.structured.json.rename.spanId", "span.id")));
            default -> throw new IllegalStateException("LOG_FORMAT must be text or json, not '" + format + "'");
        }
    }
}
