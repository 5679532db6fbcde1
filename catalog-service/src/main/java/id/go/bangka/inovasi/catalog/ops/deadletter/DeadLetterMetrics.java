package id.go.bangka.inovasi.catalog.ops.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dead-letter meters: {@code inovasi.deadletters.sent} counts records this replica sent to the dead-letter topic
 * (tag {@code exception}: the simple class name of the first cause that is not a Spring wrapper); {@code inovasi.deadletters.present} is how many the
 * topic holds, read from its offsets at most every {@value #REFRESH_SECONDS} s.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterMetrics {

    static final String SENT = "inovasi.deadletters.sent";
    static final String PRESENT = "inovasi.deadletters.present";
    private static final int REFRESH_SECONDS = 10;

    /** The binder asks this for the dead letter's partition: the original one (the topics have equal counts). */
    @Bean
    DlqPartitionFunction countingDlqPartitionFunction(MeterRegistry registry) {
        return (group, record, failure) -> {
            Counter.builder(SENT).description("Records sent to the dead-letter topic")
                    .tag("exception", cause(failure).getClass().getSimpleName()).register(registry).increment();
            return record.partition();
        };
    }

    /** The first cause that is not one of Spring's wrappers (listener and message handling exceptions). */
    static Throwable cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith("org.springframework.")) {
                return cause;
            }
        }
        return failure;
    }

    @Bean
    Gauge deadLettersPresent(MeterRegistry registry, DeadLetterTopic topic) {
        PresentCount count = new PresentCount(topic);
        return Gauge.builder(PRESENT, count, PresentCount::value).strongReference(true)
                .description("Records held by the dead-letter topic").register(registry);
    }

    /** The topic's record count, cached so a scrape reaches the broker at most every few seconds. */
    static final class PresentCount {

        private final DeadLetterTopic topic;
        private volatile double value = Double.NaN;
        private volatile Instant readAt = Instant.MIN;

        PresentCount(DeadLetterTopic topic) {
            this.topic = topic;
        }

        double value() {
            if (Instant.now().isAfter(readAt.plus(Duration.ofSeconds(REFRESH_SECONDS)))) {
                try {
                    value = topic.count();
                } catch (KafkaException e) {
                    value = Double.NaN;
                }
                readAt = Instant.now();
            }
            return value;
        }
    }
}
