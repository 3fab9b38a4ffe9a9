package dev.e2ee.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The stream trace-context helper over whichever tracer Boot configured (OpenTelemetry, or the no-op one). */
@AutoConfiguration(after = {MicrometerTracingAutoConfiguration.class, NoopTracerAutoConfiguration.class})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StreamTraceContext e2eeStreamTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new StreamTraceContext(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
