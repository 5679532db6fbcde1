package id.go.bangka.inovasi.catalog.ops.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of the dead-letter topic as operators see it.
 *
 * @param partition      its partition in the dead-letter topic
 * @param offset         its offset there (with the partition, the id used to replay it)
 * @param key            the record key (the innovationId), or null
 * @param time           when it was written to the dead-letter topic
 * @param error          why it failed and where it came from
 * @param headers        every text header but the stack trace
 * @param payloadBytes   size of the value
 * @param payloadPreview the value's first {@value #PREVIEW_BYTES} bytes as UTF-8 text
 */
public record DeadLetter(int partition, long offset, String key, Instant time, DeadLetterError error,
        Map<String, String> headers, int payloadBytes, String payloadPreview) {

    static final int PREVIEW_BYTES = 1024;

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            if (!DeadLetterError.STACK_TRACE.equals(header.key()) && header.value() != null) {
                headers.put(header.key(), DeadLetterError.text(header.key(), header.value()));
            }
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return new DeadLetter(record.partition(), record.offset(), record.key() == null ? null : text(record.key()),
                Instant.ofEpochMilli(record.timestamp()), DeadLetterError.of(headers), headers, value.length,
                text(Arrays.copyOf(value, Math.min(value.length, PREVIEW_BYTES))));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
