package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.stats.readiness.CatchUpTracker;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code countSnapshot} function bound to the compacted {@code inovasi.catalog.v1} with an anonymous group, so every
 * replica reads every partition from the earliest offset. A record it cannot read is logged and skipped: the view must
 * not stall behind it, and the next snapshot of that innovation supersedes it.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SnapshotConsumerConfiguration.class);

    @Bean
    Consumer<Message<byte[]>> countSnapshot(CatalogView view, CatchUpTracker tracker) {
        return message -> {
            String type = CloudEventHeaders.attribute(message.getHeaders(), "type");
            try {
                if (EventTypes.INNOVATION_CHANGED.equals(type)) {
                    view.apply(EventCodec.decode(message.getPayload(), InnovationChanged.class));
                } else {
                    log.warn("Skipped a record of type {} on the catalogue topic", type);
                }
            } catch (RuntimeException e) {
                log.warn("Skipped an unreadable snapshot: {}", e.getMessage());
            }
            Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
            Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
            if (partition != null && offset != null) {
                tracker.seen(partition, offset);
            }
        };
    }
}
