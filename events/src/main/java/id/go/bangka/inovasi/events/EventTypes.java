package id.go.bangka.inovasi.events;

/** CloudEvents {@code type} values, {@code inovasi.<aggregate>.<event>.v<N>}; each has a JSON Schema under {@code /schemas}. */
public final class EventTypes {

    public static final String SUBMISSION_RECEIVED = "inovasi.submission.received.v1";
    public static final String INNOVATION_CHANGED = "inovasi.innovation.changed.v1";
    public static final String SPD_RECORDED = "inovasi.spd.recorded.v1";

    private EventTypes() {
    }

    /** Classpath location of the JSON Schema of an event type. */
    public static String schemaPath(String type) {
        return "/schemas/" + type + ".schema.json";
    }
}
