package id.go.bangka.inovasi.catalog.ops.deadletter;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a corrected dead letter is checked against intake's rules.
 *
 * @param intakeUri base URI of submission-service ({@code INOVASI_SUBMISSION_URI}, default http://127.0.0.1:8081)
 */
@ConfigurationProperties("inovasi.catalog")
public record ProposalCheckProperties(@DefaultValue("http://127.0.0.1:8081") URI intakeUri) {
}
