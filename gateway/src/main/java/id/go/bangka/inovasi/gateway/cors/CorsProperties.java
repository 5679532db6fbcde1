package id.go.bangka.inovasi.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser dashboards. No origin is allowed until configured.
 *
 * @param allowedOrigins  origins allowed to call {@code /api/**}, such as {@code https://dasbor.bangka.go.id};
 *                        patterns like {@code https://*.bangka.go.id} are accepted
 * @param allowedMethods  methods a dashboard may use
 * @param allowedHeaders  request headers a dashboard may send
 * @param exposedHeaders  response headers a dashboard may read
 * @param maxAge          how long a browser may cache a preflight answer
 */
@ConfigurationProperties("inovasi.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
        @DefaultValue({"GET", "HEAD", "POST", "PUT", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "X-Api-Key", "X-Request-Id"})
        List<String> allowedHeaders,
        @DefaultValue({"Location", "Retry-After", "X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset"}) List<String> exposedHeaders,
        @DefaultValue("30m") Duration maxAge) {
}
