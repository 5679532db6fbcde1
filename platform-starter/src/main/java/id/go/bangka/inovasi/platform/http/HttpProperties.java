package id.go.bangka.inovasi.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of every service.
 *
 * @param maxBodySize largest request body accepted on {@code /api/**} (default 256KB); larger ones get 413
 */
@ConfigurationProperties("inovasi.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
