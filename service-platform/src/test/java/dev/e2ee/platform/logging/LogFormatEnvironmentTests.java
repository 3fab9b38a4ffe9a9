package dev.e2ee.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentTests {

    private static MockEnvironment apply(String format) {
        MockEnvironment environment = new MockEnvironment();
        if (format != null) {
            environment.setProperty("LOG_FORMAT", format);
        }
        new LogFormatEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void logFormatWhenJsonThenEcsConsoleWithEcsTraceFieldNames() {
        MockEnvironment environment = apply("JSON");

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.json.rename.traceId"))
                .isEqualTo("trace.id");
        assertThat(environment.getProperty("logging.structured.json.rename.spanId"))
                .isEqualTo("span.id");
    }

    @Test
    void logFormatWhenTextOrUnsetThenPlainConsole() {
        assertThat(apply("text").getProperty("logging.structured.format.console"))
                .isNull();
        assertThat(apply(null).getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void logFormatWhenUnknownThenStartupFails() {
        assertThatThrownBy(() -> apply("yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOG_FORMAT must be text or json");
    }
}
