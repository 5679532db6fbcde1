package id.go.bangka.inovasi.stats.view;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code countSnapshot} function bound to the compacted {@code inovasi.catalog.v1} with an anonymous group, so every
 * replica reads every partition. It starts where {@link ViewRestore} stopped ({@link RestoreHandover}) and keeps the
 * view current.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConsumerConfiguration {

    @Bean
    Consumer<Message<byte[]>> countSnapshot(SnapshotRecords records) {
        return message -> records.apply(message.getHeaders(), message.getPayload(),
                message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
    }
}
