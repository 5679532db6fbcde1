package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.SubmissionReceived;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends SubmissionReceived events as CloudEvents (binary mode) keyed by innovationId, and returns only once the broker
 * acknowledged the record with acks=all (the binding is synchronous).
 */
@Component
public class SubmissionPublisher {

    /** Output binding, configured in application.yml. */
    static final String BINDING = "submissions-out-0";
    static final String SOURCE = "/inovasi/submission-service";

    private final StreamBridge streamBridge;

    public SubmissionPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    /**
     * Publishes and waits for the ack.
     *
     * @throws BrokerUnavailableException when the broker did not acknowledge the record
     */
    public void publish(SubmissionReceived event, String requestId) {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(event))
                .copyHeaders(CloudEventHeaders.of(event.submissionId().toString(), EventTypes.SUBMISSION_RECEIVED,
                        SOURCE, event.innovationId(), event.receivedAt()))
                .setHeader(KafkaHeaders.KEY, event.innovationId().toString().getBytes())
                .setHeader(CloudEventHeaders.REQUEST_ID, requestId)
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message);
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(e);
        }
        if (!sent) {
            throw new BrokerUnavailableException(null);
        }
    }
}
