package id.go.bangka.inovasi.gateway.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code inovasi.gateway.public-cache.*}: the gateway's copies of public answers to anonymous reads.
 *
 * @param enabled      whether the gateway keeps copies at all; off, every read reaches a service
 * @param maxAge       the longest a copy is served, whatever the answer's own {@code max-age} allows
 * @param maxEntries   copies kept at most; the least recently read goes first
 * @param maxBytes     bodies, keys and headers kept at most, summed; the least recently read goes first
 * @param maxBodySize  a larger body is not kept
 * @param coalesceWait how long a read waits for the answer of a call to the same address already under way, before
 *                     it calls the service itself
 */
@ConfigurationProperties("inovasi.gateway.public-cache")
public record PublicAnswerCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration maxAge,
        @DefaultValue("5000") int maxEntries, @DefaultValue("32MB") DataSize maxBytes,
        @DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("5s") Duration coalesceWait) {
}
