package id.go.bangka.inovasi.platform.readmodel;

import java.util.Map;

/**
 * One record of a read model's topic as the start-up restore read it.
 *
 * @param key       its key (the aggregate's id on the snapshot topics), null when it has none
 * @param headers   its headers, values as bytes
 * @param payload   its value, null for a tombstone
 * @param partition its partition
 * @param offset    its offset
 */
public record ReadModelRecord(byte[] key, Map<String, Object> headers, byte[] payload, int partition, long offset) {
}
