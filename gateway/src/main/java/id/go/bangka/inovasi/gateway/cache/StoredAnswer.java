package id.go.bangka.inovasi.gateway.cache;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;

/**
 * A service's 200 answer to an anonymous read, as the gateway keeps it: the service's headers (none that belong to one
 * exchange, such as its request id), the body, and when it was received and stops being fresh.
 *
 * @param headers    the service's headers, read-only
 * @param body       the body as received (never content-encoded)
 * @param receivedAt when the gateway received it
 * @param freshUntil when it stops being served
 */
public record StoredAnswer(HttpHeaders headers, byte[] body, Instant receivedAt, Instant freshUntil) {

    /** Whether it may still be served at {@code now}. */
    public boolean freshAt(Instant now) {
        return now.isBefore(freshUntil);
    }

    /** Its age at {@code now} in whole seconds, as the {@code Age} header states it. */
    public long ageSeconds(Instant now) {
        return Math.max(0, Duration.between(receivedAt, now).toSeconds());
    }

    /** Whether {@code ifNoneMatch} (a request's {@code If-None-Match}) names this answer's entity tag. */
    public boolean matches(String ifNoneMatch) {
        String etag = headers.getETag();
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String mine = weakless(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || weakless(tag).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
