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
 * @param rebuild         how the start-up rebuild indexes
 * @param similarAnswers  answers of similar innovations kept until the index changes (0: none); each holds an id, a
 *                        version, what its caller may see and the ids answered
 */
@ConfigurationProperties("inovasi.search")
public record SearchProperties(Path directory, Duration refreshInterval, Integer ramBufferMb, Rebuild rebuild,
        Integer similarAnswers) {

    public SearchProperties {
        refreshInterval = refreshInterval == null ? Duration.ofMillis(100) : refreshInterval;
        ramBufferMb = ramBufferMb == null ? 32 : ramBufferMb;
        rebuild = rebuild == null ? new Rebuild(null, null) : rebuild;
        similarAnswers = similarAnswers == null ? 10_000 : Math.max(0, similarAnswers);
    }

    /**
     * How the start-up rebuild from the topic indexes ({@code inovasi.search.rebuild.*}).
     *
     * @param threads     threads that decode and index the restored snapshots (the restore's own among them); unset:
     *                    one per processor
     * @param ramBufferMb the indexing buffer during the rebuild (fewer, larger segments: fewer flushes and merges)
     */
    public record Rebuild(Integer threads, Integer ramBufferMb) {

        public Rebuild {
            threads = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
            ramBufferMb = ramBufferMb == null ? 64 : ramBufferMb;
        }
    }
}
