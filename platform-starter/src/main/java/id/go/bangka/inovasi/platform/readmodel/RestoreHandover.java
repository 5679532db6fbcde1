package id.go.bangka.inovasi.platform.readmodel;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Starts the feed's binding where {@link TopicRestore} stops: on the first assignment it seeks each partition to the
 * restore's end offset, so every record is read once, by one or the other. When the restore has not found its end
 * offsets within {@link #WAIT}, the binding keeps its own start (the earliest offset) and reads everything itself.
 * Later assignments resume from the binding's committed offsets. Other bindings of the service are left alone.
 */
public class RestoreHandover implements KafkaBindingRebalanceListener {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(RestoreHandover.class);

    private final String binding;
    private final TopicRestore restore;

    public RestoreHandover(ReadModelFeed feed, TopicRestore restore) {
        this.binding = feed.binding();
        this.restore = restore;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions, boolean initial) {
        if (!initial || !binding.equals(bindingName)) {
            return;
        }
        Optional<Map<TopicPartition, Long>> end = restore.endOffsets(WAIT);
        if (end.isEmpty()) {
            log.warn("The read model's restore found no end offsets within {}; {} reads {} from the beginning", WAIT,
                    bindingName, partitions);
            return;
        }
        for (TopicPartition partition : partitions) {
            Long offset = end.get().get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            }
        }
        log.info("{} starts at the restore's end offsets {}", bindingName, end.get());
    }
}
