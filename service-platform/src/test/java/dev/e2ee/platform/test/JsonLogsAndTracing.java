package dev.e2ee.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A service test context as production runs it with {@code LOG_FORMAT=json} and {@code TRACING_ENABLED=true}: every
 * request sampled, spans exported every 100 ms, console output captured. Point the exporter at
 * {@link OtlpReceiver#SHARED} with {@code @DynamicPropertySource} ({@link OtlpReceiver#register}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(
        properties = {
            "LOG_FORMAT=json",
            "TRACING_ENABLED=true",
            "TRACING_SAMPLE_RATE=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
@ExtendWith(OutputCaptureExtension.class)
public @interface JsonLogsAndTracing {}
