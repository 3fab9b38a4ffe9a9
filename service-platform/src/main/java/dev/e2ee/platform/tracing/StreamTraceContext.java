package dev.e2ee.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the W3C trace context across a Redis stream: the producer writes the current context into the entry
 * ({@link #current()}: a {@code traceparent} field, and {@code tracestate} when there is one), the consumer
 * continues it ({@link #continueFrom}) so its span, and every log line written inside it, has the producer's trace
 * id. Both are no-ops with tracing off. Only ids and flags travel; nothing else of the request.
 */
public final class StreamTraceContext {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public StreamTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as stream fields; empty when no span is current (or tracing is off). */
    public Map<String, String> current() {
        TraceContext context = tracer.currentTraceContext().context();
        Map<String, String> fields = new HashMap<>();
        if (context != null) {
            propagator.inject(context, fields, Map::put);
        }
        fields.keySet().retainAll(propagator.fields());
        return fields;
    }

    /**
     * Starts a consumer span named {@code name}, child of the context in {@code fields} (a new trace when there is
     * none), and makes it current until the returned scope is closed.
     */
    public Scope continueFrom(String name, Map<String, String> fields) {
        Span span = propagator
                .extract(fields, (carrier, key) -> carrier == null ? null : carrier.get(key))
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .start();
        return new Scope(span, tracer.withSpan(span));
    }

    /** The consumer span in scope; closing it ends the span. */
    public static final class Scope implements AutoCloseable {

        private final Span span;
        private final Tracer.SpanInScope inScope;

        Scope(Span span, Tracer.SpanInScope inScope) {
            this.span = span;
            this.inScope = inScope;
        }

        @Override
        public void close() {
            inScope.close();
            span.end();
        }
    }
}
