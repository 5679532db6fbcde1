package id.go.bangka.inovasi.local;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OTLP/HTTP trace receiver for tests: accepts {@code POST /v1/traces} (protobuf, as the services' OpenTelemetry
 * exporter sends it) and keeps each span's service, ids, name and kind. It reads only the protobuf fields it needs.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** OTLP span kinds. */
    static final int SERVER = 2;
    static final int CLIENT = 3;
    static final int PRODUCER = 4;
    static final int CONSUMER = 5;

    /**
     * One received span.
     *
     * @param service      the resource's {@code service.name}
     * @param traceId      32 hex digits
     * @param spanId       16 hex digits
     * @param parentSpanId 16 hex digits, or empty for a root span
     * @param name         the span name
     * @param kind         the OTLP span kind
     */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpTraceReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
                }
                spans.addAll(parse(bytes));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the services send spans ({@code management.opentelemetry.tracing.export.otlp.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<ReceivedSpan> spans(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** ExportTraceServiceRequest: resource_spans(1) { resource(1) { attributes(1) }, scope_spans(2) { spans(2) } }. */
    static List<ReceivedSpan> parse(byte[] request) {
        List<ReceivedSpan> result = new ArrayList<>();
        for (Field resourceSpans : Field.all(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            String service = "";
            List<byte[]> spanMessages = new ArrayList<>();
            for (Field part : Field.all(resourceSpans.bytes())) {
                if (part.number() == 1) {
                    service = serviceName(part.bytes());
                } else if (part.number() == 2) {
                    Field.all(part.bytes()).stream().filter(f -> f.number() == 2)
                            .forEach(f -> spanMessages.add(f.bytes()));
                }
            }
            for (byte[] span : spanMessages) {
                result.add(span(service, span));
            }
        }
        return result;
    }

    private static String serviceName(byte[] resource) {
        for (Field attribute : Field.all(resource)) {
            List<Field> keyValue = Field.all(attribute.bytes());
            String key = keyValue.stream().filter(f -> f.number() == 1).map(Field::text).findFirst().orElse("");
            if ("service.name".equals(key)) {
                return keyValue.stream().filter(f -> f.number() == 2)
                        .flatMap(f -> Field.all(f.bytes()).stream()).filter(f -> f.number() == 1)
                        .map(Field::text).findFirst().orElse("");
            }
        }
        return "";
    }

    private static ReceivedSpan span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : Field.all(span)) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parent = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = field.text();
                case 6 -> kind = (int) field.varint();
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** One protobuf field: its number and either a varint or the bytes of a length-delimited value. */
    private record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(message, at), new byte[0]));
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        byte[] value = new byte[length];
                        System.arraycopy(message, at[0], value, 0, length);
                        at[0] += length;
                        fields.add(new Field(number, 0, value));
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("Unsupported wire type in tag " + tag);
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }
    }
}
