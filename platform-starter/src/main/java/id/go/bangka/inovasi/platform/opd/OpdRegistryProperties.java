package id.go.bangka.inovasi.platform.opd;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inovasi.opd-registry.*}: where a service reads the OPD registry that submission-service owns, to name OPDs it
 * otherwise knows by code only.
 *
 * @param uri     submission-service's base URI ({@code INOVASI_SUBMISSION_URI}); unset, no registry client is made
 * @param refresh how long the names read serve before they are read again
 */
@ConfigurationProperties("inovasi.opd-registry")
public record OpdRegistryProperties(URI uri, @DefaultValue("5m") Duration refresh) {
}
