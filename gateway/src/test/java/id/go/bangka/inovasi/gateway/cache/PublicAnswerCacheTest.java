package id.go.bangka.inovasi.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

class PublicAnswerCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Test
    void anAnswerIsServedUntilItsFreshnessEndsThenDropped() {
        PublicAnswerCache cache = cache(10, DataSize.ofKilobytes(64));
        cache.keep("a", answer(100, Duration.ofSeconds(5)));

        now.set(T0.plusMillis(4_999));
        assertThat(cache.fresh("a")).isPresent();
        assertThat(cache.fresh("a").orElseThrow().ageSeconds(now.get())).isEqualTo(4);

        now.set(T0.plusSeconds(5));
        assertThat(cache.fresh("a")).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void beyondTheEntryBoundTheLeastRecentlyReadGoes() {
        PublicAnswerCache cache = cache(2, DataSize.ofKilobytes(64));
        cache.keep("a", answer(10, Duration.ofSeconds(5)));
        cache.keep("b", answer(10, Duration.ofSeconds(5)));
        cache.fresh("a");

        cache.keep("c", answer(10, Duration.ofSeconds(5)));

        assertThat(cache.fresh("b")).isEmpty();
        assertThat(cache.fresh("a")).isPresent();
        assertThat(cache.fresh("c")).isPresent();
        assertThat(cache.bytes()).as("two bodies of 10 and keys of 1").isEqualTo(22);
    }

    @Test
    void beyondTheByteBoundTheLeastRecentlyReadGoAndAReplacedAnswerIsCountedOnce() {
        PublicAnswerCache cache = cache(100, DataSize.ofBytes(250));
        cache.keep("a", answer(100, Duration.ofSeconds(5)));
        cache.keep("a", answer(120, Duration.ofSeconds(5)));
        cache.keep("b", answer(100, Duration.ofSeconds(5)));
        assertThat(cache.bytes()).as("bodies of 120 and 100, keys of 1").isEqualTo(222);

        cache.keep("c", answer(100, Duration.ofSeconds(5)));

        assertThat(cache.fresh("a")).isEmpty();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.bytes()).isEqualTo(202);
    }

    @Test
    void keysAndHeadersCountTowardsTheByteBound() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("ETag", "\"12345\"");
        StoredAnswer answer = new StoredAnswer(headers, new byte[10], T0, T0.plusSeconds(5));

        assertThat(PublicAnswerCache.weight("route /api/v1/stats/overview ", answer))
                .isEqualTo(10 + "route /api/v1/stats/overview ".length() + "ETag".length() + "\"12345\"".length());
    }

    @Test
    void anAnswerReceivedBeforeTheOneKeptDoesNotReplaceIt() {
        PublicAnswerCache cache = cache(10, DataSize.ofKilobytes(64));
        now.set(T0.plusSeconds(2));
        cache.keep("a", answer(30, Duration.ofSeconds(5)));
        now.set(T0.plusSeconds(1));
        cache.keep("a", answer(10, Duration.ofSeconds(5)));

        assertThat(cache.fresh("a").orElseThrow().body()).hasSize(30);
    }

    @Test
    void anEntityTagMatchesStrongOrWeakInAListOrTheWildcard() {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"7\"");
        StoredAnswer answer = new StoredAnswer(headers, new byte[0], T0, T0.plusSeconds(5));

        assertThat(answer.matches("\"7\"")).isTrue();
        assertThat(answer.matches("W/\"7\"")).isTrue();
        assertThat(answer.matches("\"6\", \"7\"")).isTrue();
        assertThat(answer.matches("*")).isTrue();
        assertThat(answer.matches("\"70\"")).isFalse();
        assertThat(answer.matches(null)).isFalse();
    }

    private PublicAnswerCache cache(int entries, DataSize bytes) {
        return new PublicAnswerCache(new PublicAnswerCacheProperties(true, Duration.ofSeconds(5), entries, bytes,
                DataSize.ofKilobytes(256), Duration.ofSeconds(5)), now::get);
    }

    private StoredAnswer answer(int bytes, Duration fresh) {
        return new StoredAnswer(new HttpHeaders(), new byte[bytes], now.get(), now.get().plus(fresh));
    }
}
