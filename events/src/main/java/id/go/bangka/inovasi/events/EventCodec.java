package id.go.bangka.inovasi.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON encoding of event payloads. Readers are tolerant of fields added later within a version, so a newer
 * producer never breaks an older consumer.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    /** JSON bytes of an event payload. */
    public static byte[] encode(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads a payload.
     *
     * @throws MalformedEventException when the bytes are not a valid payload of that type
     */
    public static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return MAPPER.readValue(payload, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
