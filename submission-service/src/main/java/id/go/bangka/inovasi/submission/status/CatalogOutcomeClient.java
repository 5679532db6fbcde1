package id.go.bangka.inovasi.submission.status;

import id.go.bangka.inovasi.platform.identity.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks catalog-service how it processed a submission, forwarding the caller's signed identity so the catalogue applies
 * its own visibility rules.
 */
@Component
public class CatalogOutcomeClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogOutcomeClient.class);

    private final RestClient catalog;

    public CatalogOutcomeClient(RestClient.Builder builder, StatusProperties properties) {
        this.catalog = builder.baseUrl(properties.catalogUri().toString()).build();
    }

    /**
     * The catalogue's outcome, or empty when it has not processed the submission (or cannot be reached: the caller
     * then sees RECEIVED, which stays true until the catalogue answers).
     */
    public Optional<SubmissionStatus> outcome(UUID submissionId, HttpServletRequest request) {
        try {
            return Optional.ofNullable(catalog.get()
                    .uri("/api/v1/submission-outcomes/{id}", submissionId)
                    .headers(headers -> {
                        for (String name : IdentityHeaders.ALL) {
                            headers.set(name, request.getHeader(name));
                        }
                        headers.set(IdentityHeaders.REQUEST_ID, request.getHeader(IdentityHeaders.REQUEST_ID));
                    })
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
