package id.go.bangka.inovasi.catalog.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inovasi.catalog.export.*}: how many exports one replica writes at once and for how long.
 *
 * @param maxConcurrent exports written at once; one more is refused with 429 and Retry-After
 * @param deadline      an export still being written after this long is cut off (the client sees the download fail,
 *                      never a short file that looks complete)
 * @param retryAfter    the Retry-After of a refusal, and of an export refused because the OPD registry cannot be read
 */
@ConfigurationProperties("inovasi.catalog.export")
public record ExportProperties(@DefaultValue("4") int maxConcurrent, @DefaultValue("10m") Duration deadline,
        @DefaultValue("30s") Duration retryAfter) {
}
