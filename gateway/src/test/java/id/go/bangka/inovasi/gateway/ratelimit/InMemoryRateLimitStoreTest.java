package id.go.bangka.inovasi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitStoreTest {

    private static final RateLimit PORTAL = new RateLimit(50, 100);
    private static final long MILLI = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000_000 * MILLI);
    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(1000, now::get);

    private RateLimitDecision take(String key, RateLimit limit) {
        return store.consume(key, limit).block();
    }

    @Test
    void aBurstPassesThenTheBucketRefillsAtItsRate() {
        for (int i = 0; i < 100; i++) {
            assertThat(take("client:a", PORTAL).allowed()).isTrue();
        }
        RateLimitDecision refused = take("client:a", PORTAL);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo(100);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(100 * MILLI);
        for (int i = 0; i < 5; i++) {
            assertThat(take("client:a", PORTAL).allowed()).as("50/s: five tokens after 100 ms").isTrue();
        }
        assertThat(take("client:a", PORTAL).allowed()).isFalse();
        assertThat(take("client:b", PORTAL).allowed()).as("every caller has its own bucket").isTrue();
    }

    @Test
    void headersTellHowManyRemainAndWhenTheBucketIsFullAgain() {
        RateLimit slow = new RateLimit(1, 4);
        RateLimitDecision first = take("ip:10.0.0.1", slow);
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.resetSeconds()).isEqualTo(1);
        take("ip:10.0.0.1", slow);
        take("ip:10.0.0.1", slow);
        RateLimitDecision last = take("ip:10.0.0.1", slow);
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        assertThat(last.resetSeconds()).isEqualTo(4);

        now.addAndGet(2500 * MILLI);
        RateLimitDecision later = take("ip:10.0.0.1", slow);
        assertThat(later.remaining()).isEqualTo(1);
    }

    @Test
    void aChangedLimitAppliesToTheExistingBucket() {
        RateLimit tight = new RateLimit(1, 1);
        assertThat(take("client:c", tight).allowed()).isTrue();
        assertThat(take("client:c", tight).allowed()).isFalse();
        RateLimitDecision raised = take("client:c", new RateLimit(10, 20));
        assertThat(raised.allowed()).as("no token yet: the bucket was not refilled by the change").isFalse();
        now.addAndGet(1000 * MILLI);
        assertThat(take("client:c", new RateLimit(10, 20)).remaining()).isEqualTo(9);
    }

    @Test
    void fullBucketsAreForgottenWhenTooManyCallersAreTracked() {
        InMemoryRateLimitStore small = new InMemoryRateLimitStore(10, now::get);
        for (int i = 0; i < 50; i++) {
            small.consume("ip:10.0.0." + i, PORTAL).block();
        }
        now.addAndGet(3000 * MILLI);
        small.consume("ip:10.0.1.1", PORTAL).block();
        assertThat(small.size()).isEqualTo(1);
    }
}
