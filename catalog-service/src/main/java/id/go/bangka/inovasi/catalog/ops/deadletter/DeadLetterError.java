package id.go.bangka.inovasi.catalog.ops.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The failure the binder wrote into a dead letter's headers ({@code x-exception-*}, {@code x-original-*}).
 *
 * @param exceptionClass    fully qualified class of the exception that sent it here
 * @param message           its message
 * @param originalTopic     where the record was first published
 * @param originalPartition its partition there
 * @param originalOffset    its offset there
 */
public record DeadLetterError(String exceptionClass, String message, String originalTopic, Integer originalPartition,
        Long originalOffset) {

    static final String EXCEPTION_CLASS = "x-exception-fqcn";
    static final String MESSAGE = "x-exception-message";
    static final String STACK_TRACE = "x-exception-stacktrace";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";

    /** A header's value as text: the binder writes the original partition and offsets as big-endian numbers. */
    static String text(String header, byte[] value) {
        if (ORIGINAL_PARTITION.equals(header) && value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if ((ORIGINAL_OFFSET.equals(header) || ORIGINAL_TIMESTAMP.equals(header)) && value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Whether a header only describes the failure (and is left out when the record is replayed). */
    static boolean describesFailure(String header) {
        return header.startsWith("x-exception-") || header.startsWith("x-original-");
    }

    static DeadLetterError of(Map<String, String> headers) {
        return new DeadLetterError(headers.get(EXCEPTION_CLASS), headers.get(MESSAGE), headers.get(ORIGINAL_TOPIC),
                number(headers.get(ORIGINAL_PARTITION), Integer::valueOf),
                number(headers.get(ORIGINAL_OFFSET), Long::valueOf));
    }

    private static <T> T number(String text, Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
