package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.tracing.StreamTraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without {@code TRACING_ENABLED} the tracer is Boot's no-op one: no ids, nothing written on stream entries. */
class TracingOffIntegrationTests extends PlatformIntegrationTest {

    @Autowired
    Tracer tracer;

    @Autowired
    StreamTraceContext traces;

    @Test
    void tracingWhenNotEnabledThenNoopTracerAndNoTraceparentOnStreamEntries() {
        assertThat(tracer).isSameAs(Tracer.NOOP);
        try (StreamTraceContext.Scope scope = traces.continueFrom(
                "job run", Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))) {
            assertThat(traces.current()).isEmpty();
        }
    }
}
