package dev.e2ee.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The test decoder reads what the OpenTelemetry SDK's own OTLP marshaler writes. */
class OtlpSpanTests {

    @Test
    void decodeWhenSdkMarshalledParentAndChildThenIdsNamesAndAttributesRoundTrip() throws IOException {
        List<SpanData> finished = new CopyOnWriteArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(collecting(finished)))
                .build()) {
            Tracer tracer = provider.get("otlp-span-tests");
            Span parent = tracer.spanBuilder("http post /things").startSpan();
            try (Scope scope = parent.makeCurrent()) {
                tracer.spanBuilder("query")
                        .startSpan()
                        .setAttribute("jdbc.query[0]", "select ? from t")
                        .setAttribute(AttributeKey.longKey("rows"), 42L)
                        .setAttribute(AttributeKey.booleanKey("ok"), true)
                        .setAttribute(AttributeKey.doubleKey("ratio"), 0.5)
                        .addEvent("fetched")
                        .end();
            }
            parent.end();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(finished).writeBinaryTo(body);

        List<OtlpSpan> spans = OtlpSpan.decode(body.toByteArray());

        SpanData parentData = finished.get(1);
        assertThat(spans).hasSize(2);
        OtlpSpan query = spans.get(0);
        assertThat(query.name()).isEqualTo("query");
        assertThat(query.traceId()).isEqualTo(parentData.getTraceId());
        assertThat(query.parentSpanId()).isEqualTo(parentData.getSpanId());
        assertThat(query.attributes())
                .containsEntry("jdbc.query[0]", "select ? from t")
                .containsEntry("rows", "42")
                .containsEntry("ok", "true")
                .containsEntry("ratio", "0.5");
        assertThat(spans.get(1).name()).isEqualTo("http post /things");
        assertThat(spans.get(1).spanId()).isEqualTo(parentData.getSpanId());
        assertThat(spans.get(1).parentSpanId()).isEmpty();
    }

    private static SpanExporter collecting(List<SpanData> finished) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
