package id.go.bangka.inovasi.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of every service.
 *
 * @param maxBodySize   largest request body accepted on {@code /api/**} (default 256KB); larger ones get 413
 * @param maxUploadSize largest multipart (file upload) body (default 11MB: a 10 MiB file and its envelope)
 */
@ConfigurationProperties("inovasi.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("11MB") DataSize maxUploadSize) {
}
