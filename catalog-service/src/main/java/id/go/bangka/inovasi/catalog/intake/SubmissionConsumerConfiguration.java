package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.ops.deadletter.DeadLetterReplayer;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.MalformedEventException;
import id.go.bangka.inovasi.events.SubmissionReceived;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code applySubmission} function bound to {@code inovasi.submissions.v1} (group {@code catalog-service}). A
 * record that is not a readable SubmissionReceived goes, without retries, to the dead-letter topic. A record an
 * operator replayed from there names them in {@value DeadLetterReplayer#REPLAYED_BY}, and so does its audit entry.
 */
@Configuration(proxyBeanMethods = false)
public class SubmissionConsumerConfiguration {

    /** Logging context key of the originating request id, as the HTTP side uses it. */
    static final String REQUEST_ID_MDC = "requestId";

    @Bean
    Consumer<Message<byte[]>> applySubmission(SubmissionApplier applier) {
        return message -> {
            String type = CloudEventHeaders.attribute(message.getHeaders(), "type");
            if (!EventTypes.SUBMISSION_RECEIVED.equals(type)) {
                throw new MalformedEventException("Unexpected CloudEvents type " + type + " on the submissions topic; headers "
                        + message.getHeaders().keySet(),
                        null);
            }
            String requestId = CloudEventHeaders.attribute(message.getHeaders(), "requestid");
            MDC.put(REQUEST_ID_MDC, requestId);
            try {
                applier.apply(EventCodec.decode(message.getPayload(), SubmissionReceived.class),
                        replayedBy(message.getHeaders().get(DeadLetterReplayer.REPLAYED_BY)));
            } finally {
                MDC.remove(REQUEST_ID_MDC);
            }
        };
    }

    private static String replayedBy(Object header) {
        if (header instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return header == null ? null : header.toString();
    }
}
