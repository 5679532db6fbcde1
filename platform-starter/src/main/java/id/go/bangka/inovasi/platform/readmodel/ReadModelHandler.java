package id.go.bangka.inovasi.platform.readmodel;

import java.util.Map;

/**
 * Applies one record of a read model's topic to the model. Applying a record twice must change nothing: the start-up
 * restore reads again from the beginning after a failure. A record it cannot read throws; {@link ReadModelRecords}
 * logs and skips it.
 */
@FunctionalInterface
public interface ReadModelHandler {

    /**
     * Applies the record.
     *
     * @param headers its headers, values as text or bytes
     * @param payload its value, null for a tombstone
     */
    void apply(Map<String, Object> headers, byte[] payload);
}
