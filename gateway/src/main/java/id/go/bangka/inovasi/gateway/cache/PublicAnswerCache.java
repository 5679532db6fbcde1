package id.go.bangka.inovasi.gateway.cache;

import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's bounded store of public answers, keyed by what an anonymous read asks (route, address, Accept). An
 * answer past its freshness is never returned; beyond the entry or byte bound (bodies, keys and headers counted) the
 * least recently read answers go; an answer received before the one kept does not replace it. Thread-safe (one lock;
 * each operation touches a hash map and a linked list only).
 */
public class PublicAnswerCache {

    private final InstantSource clock;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, StoredAnswer> answers = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public PublicAnswerCache(PublicAnswerCacheProperties properties, InstantSource clock) {
        this.clock = clock;
        this.maxEntries = properties.maxEntries();
        this.maxBytes = properties.maxBytes().toBytes();
    }

    /** The fresh answer kept for {@code key}, if any; a stale one is dropped. */
    public synchronized Optional<StoredAnswer> fresh(String key) {
        StoredAnswer answer = answers.get(key);
        if (answer == null) {
            return Optional.empty();
        }
        if (!answer.freshAt(clock.instant())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    /** Keeps {@code answer} for {@code key}, replacing an older one, then drops the least recently read over bounds. */
    public synchronized void keep(String key, StoredAnswer answer) {
        StoredAnswer kept = answers.get(key);
        if (kept != null && kept.receivedAt().isAfter(answer.receivedAt())) {
            return;
        }
        remove(key);
        answers.put(key, answer);
        bytes += weight(key, answer);
        Iterator<Map.Entry<String, StoredAnswer>> oldest = answers.entrySet().iterator();
        while ((answers.size() > maxEntries || bytes > maxBytes) && oldest.hasNext()) {
            Map.Entry<String, StoredAnswer> entry = oldest.next();
            bytes -= weight(entry.getKey(), entry.getValue());
            oldest.remove();
        }
    }

    /** Answers kept now. */
    public synchronized int size() {
        return answers.size();
    }

    /** Bytes kept now: bodies, keys and headers. */
    public synchronized long bytes() {
        return bytes;
    }

    private void remove(String key) {
        StoredAnswer removed = answers.remove(key);
        if (removed != null) {
            bytes -= weight(key, removed);
        }
    }

    /** What an entry holds, about: its body, and its key's and headers' characters. */
    static long weight(String key, StoredAnswer answer) {
        long[] chars = {key.length()};
        answer.headers().forEach((name, values) -> {
            chars[0] += name.length();
            values.forEach(value -> chars[0] += value.length());
        });
        return answer.body().length + chars[0];
    }
}
