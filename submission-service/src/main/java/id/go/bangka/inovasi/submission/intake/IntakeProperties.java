package id.go.bangka.inovasi.submission.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param idempotencyTtl how long a (caller, Idempotency-Key) is remembered (default 7 days)
 * @param retryAfter     the Retry-After a portal gets when the broker is unavailable (default 5 s)
 */
@ConfigurationProperties("inovasi.intake")
public record IntakeProperties(
        @DefaultValue("7d") Duration idempotencyTtl,
        @DefaultValue("5s") Duration retryAfter) {
}
