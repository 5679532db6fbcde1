package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The view as platform-starter's read model {@code catalog}: rebuilt from the compacted {@code inovasi.catalog.v1} at
 * start, then kept current by the {@code countSnapshot} function, bound with an anonymous group so every replica reads
 * every partition.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConsumerConfiguration {

    static final String BINDING = "countSnapshot-in-0";

    @Bean
    ReadModelFeed catalogFeed(SnapshotRecords records, CatalogView view) {
        return new ReadModelFeed("catalog", Topics.CATALOG, BINDING, records, () -> Map.of("innovations", view.size()));
    }

    @Bean
    Consumer<Message<byte[]>> countSnapshot(ReadModelRecords records) {
        return records::accept;
    }
}
