package id.go.bangka.inovasi.submission.status;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks catalog-service how it processed a submission. It signs the request itself, as submission-service acting for
 * its caller (the caller's id, roles and OPD codes, so the catalogue applies its own visibility rules), for exactly
 * this request to catalog-service: the caller's own signed headers are never passed on.
 */
@Component
public class CatalogOutcomeClient {

    /** catalog-service's {@code spring.application.name}, which the signature is made for. */
    static final String CATALOG_SERVICE = "catalog-service";

    private static final Logger log = LoggerFactory.getLogger(CatalogOutcomeClient.class);

    private final RestClient catalog;
    private final URI catalogUri;
    private final IdentitySigner signer;

    public CatalogOutcomeClient(RestClient.Builder builder, StatusProperties properties, IdentitySigner signer) {
        this.catalog = builder.build();
        this.catalogUri = properties.catalogUri();
        this.signer = signer;
    }

    /**
     * The catalogue's outcome, or empty when it has not processed the submission (or cannot be reached: the caller
     * then sees RECEIVED, which stays true until the catalogue answers).
     */
    public Optional<SubmissionStatus> outcome(UUID submissionId, CallerIdentity caller) {
        URI uri = UriComponentsBuilder.fromUri(catalogUri).path("/api/v1/submission-outcomes/{id}")
                .buildAndExpand(submissionId).encode().toUri();
        RequestTarget target = RequestTarget.of(CATALOG_SERVICE, HttpMethod.GET.name(), uri);
        try {
            return Optional.ofNullable(catalog.get()
                    .uri(uri)
                    .headers(headers -> signer.sign(caller, target).toHeaders().forEach(headers::set))
                    .retrieve()
                    .body(SubmissionStatus.class));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                log.warn("catalog-service answered {} for submission {}", e.getStatusCode(), submissionId);
            }
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("catalog-service unreachable for submission {}: {}", submissionId, e.getMessage());
            return Optional.empty();
        }
    }
}
