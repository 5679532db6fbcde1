package id.go.bangka.inovasi.events;

import java.time.Instant;
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
    public static final String JSON = "application/json";

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
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SUBJECT, subject.toString());
        headers.put(TIME, time.toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
