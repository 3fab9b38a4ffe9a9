package dev.e2ee.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One span as a service exported it over OTLP/HTTP (http/protobuf), decoded from an {@code ExportTraceServiceRequest}
 * body: ids in lower-case hex ({@code parentSpanId} empty for a root span), the name, and the attributes with their
 * values as text (strings as they are, booleans and numbers in decimal, other kinds as {@code <kind>}).
 *
 * <p>The decoder reads only what tests look at: {@code resource_spans}(1) → {@code scope_spans}(2) → {@code spans}(2)
 * → {@code trace_id}(1), {@code span_id}(2), {@code parent_span_id}(4), {@code name}(5), {@code attributes}(9) of
 * {@code KeyValue{key(1), value(2) AnyValue}}; every other field is skipped by its wire type
 * (opentelemetry-proto {@code trace/v1/trace.proto}, {@code common/v1/common.proto}).
 */
public record OtlpSpan(
        String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes) {

    public OtlpSpan {
        attributes = Map.copyOf(attributes);
    }

    /** The spans of one export request body. */
    public static List<OtlpSpan> decode(byte[] exportRequest) {
        List<OtlpSpan> spans = new ArrayList<>();
        Wire request = new Wire(exportRequest, 0, exportRequest.length);
        while (request.more()) {
            if (request.field(1)) {
                Wire resourceSpans = request.message();
                while (resourceSpans.more()) {
                    if (resourceSpans.field(2)) {
                        Wire scopeSpans = resourceSpans.message();
                        while (scopeSpans.more()) {
                            if (scopeSpans.field(2)) {
                                spans.add(span(scopeSpans.message()));
                            }
                        }
                    }
                }
            }
        }
        return spans;
    }

    private static OtlpSpan span(Wire span) {
        String traceId = "";
        String spanId = "";
        String parentSpanId = "";
        String name = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        while (span.more()) {
            switch (span.fieldNumber()) {
                case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
                case 4 -> parentSpanId = HexFormat.of().formatHex(span.bytes());
                case 5 -> name = span.string();
                case 9 -> attribute(span.message(), attributes);
                default -> span.skip();
            }
        }
        return new OtlpSpan(traceId, spanId, parentSpanId, name, attributes);
    }

    private static void attribute(Wire keyValue, Map<String, String> attributes) {
        String key = "";
        String value = "";
        while (keyValue.more()) {
            switch (keyValue.fieldNumber()) {
                case 1 -> key = keyValue.string();
                case 2 -> value = anyValue(keyValue.message());
                default -> keyValue.skip();
            }
        }
        attributes.put(key, value);
    }

    private static String anyValue(Wire value) {
        String text = "";
        while (value.more()) {
            switch (value.fieldNumber()) {
                case 1 -> text = value.string();
                case 2 -> text = Boolean.toString(value.varint() != 0);
                case 3 -> text = Long.toString(value.varint());
                case 4 -> text = Double.toString(Double.longBitsToDouble(value.fixed64()));
                default -> {
                    text = "<kind " + value.currentField() + ">";
                    value.skip();
                }
            }
        }
        return text;
    }

    /** A protobuf wire-format reader over {@code [position, end)}; one field at a time. */
    private static final class Wire {

        private final byte[] bytes;
        private final int end;
        private int position;
        private int tag;

        Wire(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        /** Reads the next tag; true when it is field {@code number} (else the field is skipped). */
        boolean field(int number) {
            if (fieldNumber() == number) {
                return true;
            }
            skip();
            return false;
        }

        int fieldNumber() {
            tag = (int) varint();
            return tag >>> 3;
        }

        int currentField() {
            return tag >>> 3;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            long result = 0;
            for (int i = 0; i < 8; i++) {
                result |= (bytes[position++] & 0xffL) << (8 * i);
            }
            return result;
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Wire message() {
            int length = (int) varint();
            Wire message = new Wire(bytes, position, position + length);
            position += length;
            return message;
        }

        void skip() {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> {
                    int length = (int) varint(); // read first: `position += varint()` would add to the old position
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
        }
    }
}
