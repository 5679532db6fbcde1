package id.go.bangka.inovasi.submission.status;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where submission outcomes come from.
 *
 * @param catalogUri base URI of catalog-service ({@code INOVASI_CATALOG_URI}, default http://127.0.0.1:8082)
 */
@ConfigurationProperties("inovasi.status")
public record StatusProperties(@DefaultValue("http://127.0.0.1:8082") URI catalogUri) {
}
