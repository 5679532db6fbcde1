package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The search index as platform-starter's read model {@code search}: rebuilt from the compacted {@code inovasi.catalog.v1}
 * at start (readiness waits for it), then kept current by the {@code indexSnapshot} function, bound with an anonymous
 * group so every replica reads every partition.
 */
@Configuration(proxyBeanMethods = false)
public class SearchFeedConfiguration {

    static final String BINDING = "indexSnapshot-in-0";

    @Bean
    ReadModelFeed searchFeed(SnapshotIndexer indexer, LuceneSearchIndex index) {
        return new ReadModelFeed("search", Topics.CATALOG, BINDING, indexer,
                () -> Map.of("innovations", index.size(), "folder", index.folder().toString()));
    }

    @Bean
    Consumer<Message<byte[]>> indexSnapshot(ReadModelRecords records) {
        return records::accept;
    }
}
