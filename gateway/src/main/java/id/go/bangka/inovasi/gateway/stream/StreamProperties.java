package id.go.bangka.inovasi.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inovasi.gateway.streams.*}: limits on long-lived Server-Sent Events streams at the edge.
 *
 * @param perAddress  open streams one client address may hold at once; one more is refused with 429
 * @param maxLifetime a stream is closed by the gateway after this long, even if the service keeps it open (clients
 *                    reconnect); above the service's own stream timeout
 * @param retryAfter  the Retry-After of a refusal
 */
@ConfigurationProperties("inovasi.gateway.streams")
public record StreamProperties(@DefaultValue("10") int perAddress, @DefaultValue("31m") Duration maxLifetime,
        @DefaultValue("30s") Duration retryAfter) {
}
