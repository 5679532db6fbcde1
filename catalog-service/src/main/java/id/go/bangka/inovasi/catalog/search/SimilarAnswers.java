package id.go.bangka.inovasi.catalog.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;

/**
 * The similar innovations answered from one version of the index, kept until the index changes: MoreLikeThis scores
 * much of the catalogue for each answer, and the answer depends only on the innovation's version, what the caller may
 * see and the index. At most {@code capacity} answers are kept; the least recently read goes first. Thread-safe.
 */
final class SimilarAnswers {

    private final long version;
    private final int capacity;
    private final LinkedHashMap<Key, List<UUID>> answers = new LinkedHashMap<>(256, 0.75f, true);

    /** Answers found with {@code reader}, whose version of the index they belong to; the reader is not kept. */
    SimilarAnswers(DirectoryReader reader, int capacity) {
        this.version = reader.getVersion();
        this.capacity = capacity;
    }

    /** Whether the answers belong to the version of the index {@code current} reads; a newer one gets its own. */
    boolean of(DirectoryReader current) {
        return current.getVersion() == version;
    }

    /** Whether {@code other} reads a later version of the index than this one's. */
    boolean olderThan(DirectoryReader other) {
        return other.getVersion() > version;
    }

    /** The answer kept for {@code key}, or null. */
    synchronized List<UUID> get(Key key) {
        return answers.get(key);
    }

    /** Keeps {@code ids} for {@code key}, dropping the least recently read beyond the capacity; the list kept. */
    synchronized List<UUID> keep(Key key, List<UUID> ids) {
        List<UUID> kept = List.copyOf(ids);
        answers.put(key, kept);
        if (answers.size() > capacity) {
            Map.Entry<Key, List<UUID>> eldest = answers.entrySet().iterator().next();
            answers.remove(eldest.getKey());
        }
        return kept;
    }

    /** Answers kept now. */
    synchronized int size() {
        return answers.size();
    }

    /**
     * What an answer depends on besides the index.
     *
     * @param id      the innovation
     * @param version its version, which names the title and texts compared
     * @param visible what the caller may see ({@link IndexQueries#visibleTo})
     * @param limit   innovations answered at most
     */
    record Key(UUID id, long version, Query visible, int limit) {
    }
}
