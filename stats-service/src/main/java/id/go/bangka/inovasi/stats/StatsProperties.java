package id.go.bangka.inovasi.stats;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code inovasi.stats.*}: documented in docs/stats.md.
 *
 * @param zone        time zone of trend buckets (Bangka keeps WIB)
 * @param iidPeriods  IID weights, thresholds and divisor per assessment period
 * @param stream      the overview stream
 */
@ConfigurationProperties("inovasi.stats")
public record StatsProperties(@DefaultValue("Asia/Jakarta") ZoneId zone,
        @DefaultValue("classpath:iid-periods.json") Resource iidPeriods, @DefaultValue Stream stream) {

    /**
     * The overview stream.
     *
     * @param minInterval at most one overview per client this often
     * @param heartbeat   a comment line this often keeps proxies from closing an idle stream
     * @param tick        how often the single pusher checks for changes
     * @param timeout        a stream is closed after this long (its maximum lifetime); EventSource clients reconnect
     *                       by themselves
     * @param idleTimeout    a stream that was sent no overview (only heartbeats) for this long is closed, so that
     *                       forgotten tabs do not hold a place; the client reconnects when it is still there
     * @param maxSubscribers streams this replica holds at most; one more is refused with 503 and Retry-After
     * @param retryAfter     the Retry-After of that refusal
     * @param queue          events held for a subscriber whose client is not taking them (its connection cannot
     *                       take more); one more closes that stream, so a stalled client costs at most this many
     *                       references to shared events and never delays the others
     */
    public record Stream(@DefaultValue("1s") Duration minInterval, @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("100ms") Duration tick, @DefaultValue("30m") Duration timeout,
            @DefaultValue("10m") Duration idleTimeout, @DefaultValue("2000") int maxSubscribers,
            @DefaultValue("30s") Duration retryAfter, @DefaultValue("8") int queue) {
    }
}
