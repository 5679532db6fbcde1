package id.go.bangka.inovasi.catalog.ops.deadletter;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes a dead letter again to {@code inovasi.submissions.v1} with its key and CloudEvents headers (the failure
 * headers left out, {@value #REPLAYED_FROM} and {@value #REPLAYED_BY} added), waiting for the broker's ack. Replaying
 * is safe to repeat: the catalogue applies a submission id once.
 */
@Component
public class DeadLetterReplayer implements DisposableBean {

    /** Header naming the dead letter a replayed record came from: {@code <dlt topic>/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "inovasi-replayed-from";
    /** Header naming the ops caller who replayed a record: the audit entry of its change names them. */
    public static final String REPLAYED_BY = "inovasi-replayed-by";

    private static final int DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    private final Map<String, Object> producerConfig;
    private final KafkaProducer<byte[], byte[]> producer;
    /** How long a replay waits for the ack: just past the producer's delivery timeout, which decides first. */
    private final long sendWaitMillis;

    public DeadLetterReplayer(KafkaClientSettings kafka) {
        this.producerConfig = kafka.producer("catalog-dead-letter-replayer", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.sendWaitMillis = Long.parseLong(String.valueOf(producerConfig.getOrDefault(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DEFAULT_DELIVERY_TIMEOUT_MS))) + 1000;
    }

    /** The configuration of its producer. */
    Map<String, Object> producerConfig() {
        return producerConfig;
    }

    /**
     * Replays the dead letter, with {@code correctedValue} instead of its value when given.
     *
     * @param replayedBy the client id of the ops caller who replays it
     * @return where the record now is on the submissions topic
     */
    public RecordMetadata replay(ConsumerRecord<byte[], byte[]> deadLetter, byte[] correctedValue,
            String replayedBy) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS, null, deadLetter.key(),
                correctedValue != null ? correctedValue : deadLetter.value());
        for (Header header : deadLetter.headers()) {
            if (!DeadLetterError.describesFailure(header.key()) && !REPLAYED_FROM.equals(header.key())
                    && !REPLAYED_BY.equals(header.key())) {
                record.headers().add(header);
            }
        }
        record.headers().add(REPLAYED_FROM, (deadLetter.topic() + "/" + deadLetter.partition() + "/"
                + deadLetter.offset()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(REPLAYED_BY, replayedBy.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get(sendWaitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
                    "The record was not replayed; try again: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
