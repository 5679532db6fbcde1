package id.go.bangka.inovasi.catalog.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how each replica keeps its search index ({@code inovasi.search.*}).
 *
 * @param directory       the index's folder, emptied at start (the index is rebuilt from the topic); unset: a new
 *                        temporary folder, deleted at shutdown
 * @param refreshInterval how often applied snapshots become searchable
 * @param ramBufferMb     the indexing buffer before a segment is written
 */
@ConfigurationProperties("inovasi.search")
public record SearchProperties(Path directory, Duration refreshInterval, Integer ramBufferMb) {

    public SearchProperties {
        refreshInterval = refreshInterval == null ? Duration.ofMillis(100) : refreshInterval;
        ramBufferMb = ramBufferMb == null ? 64 : ramBufferMb;
    }
}
