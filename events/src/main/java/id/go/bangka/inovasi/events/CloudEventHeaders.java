package id.go.bangka.inovasi.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attribute header names and a builder for them. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute: the X-Request-Id of the HTTP request that caused the event, for log correlation. */
    public static final String REQUEST_ID = "ce_requestid";
    public static final String JSON = "application/json";

    private static final List<String> PREFIXES = List.of("ce_", "ce-", "ce.");

    private CloudEventHeaders() {
    }

    /**
     * Headers of one event.
     *
     * @param id      unique per event; a redelivered or resent event keeps its id
     * @param type    one of {@link EventTypes}
     * @param source  URI reference of the producing service, e.g. {@code /inovasi/submission-service}
     * @param subject the innovationId the event is about
     * @param time    when the fact happened
     */
    public static Map<String, Object> of(String id, String type, String source, UUID subject, Instant time) {
        return of(id, type, source, subject.toString(), time);
    }

    /** Headers of one event about something other than an innovation, e.g. an assessment period. */
    public static Map<String, Object> of(String id, String type, String source, String subject, Instant time) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SUBJECT, subject);
        headers.put(TIME, time.toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads a CloudEvents attribute from message headers, whichever binding prefix carries it ({@code ce_} on Kafka,
     * {@code ce-} once Spring Cloud Function canonicalised the headers) and whether it arrived as text or bytes.
     *
     * @return the attribute's text, or null when absent
     */
    public static String attribute(Map<String, Object> headers, String name) {
        for (String prefix : PREFIXES) {
            Object value = headers.get(prefix + name);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
