package id.go.bangka.inovasi.catalog.ops.deadletter;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Asks submission-service whether a corrected proposal or withdrawal passes intake's rules
 * ({@code POST /api/v1/proposal-checks}, {@code /api/v1/withdrawal-checks}), so a replay is held to the same rules as
 * a portal's submission. It signs the request itself, as catalog-service acting for the ops caller who replays, for
 * exactly this request: the caller's own signed headers are never passed on.
 */
@Component
public class ProposalCheckClient {

    /** submission-service's {@code spring.application.name}, which the signature is made for. */
    static final String SUBMISSION_SERVICE = "submission-service";
    static final String PROPOSAL_CHECKS = "/api/v1/proposal-checks";
    static final String WITHDRAWAL_CHECKS = "/api/v1/withdrawal-checks";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProposalCheckClient.class);

    private final RestClient intake;
    private final URI intakeUri;
    private final IdentitySigner signer;

    public ProposalCheckClient(RestClient.Builder builder, ProposalCheckProperties properties, IdentitySigner signer) {
        this.intake = builder.build();
        this.intakeUri = properties.intakeUri();
        this.signer = signer;
    }

    /**
     * Intake's errors of a body, with pointers below {@code prefix} ({@code /proposal/title}); empty when it passes.
     *
     * @param path   {@link #PROPOSAL_CHECKS} or {@link #WITHDRAWAL_CHECKS}
     * @param body   the JSON body intake would have received
     * @param prefix the pointer of the body inside the corrected SubmissionReceived ({@code /proposal} or empty)
     * @throws ApiProblem 503 with Retry-After when submission-service cannot tell
     */
    public List<FieldError> errors(String path, byte[] body, String prefix, CallerIdentity caller) {
        URI uri = UriComponentsBuilder.fromUri(intakeUri).path(path).build().encode().toUri();
        RequestTarget target = RequestTarget.of(SUBMISSION_SERVICE, HttpMethod.POST.name(), uri);
        try {
            intake.post()
                    .uri(uri)
                    .headers(headers -> signer.sign(caller, target).toHeaders().forEach(headers::set))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            return List.of();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
                return prefixed(e.getResponseBodyAs(JsonNode.class), prefix);
            }
            log.warn("submission-service answered {} to {}", e.getStatusCode(), path);
            throw unavailable("it answered " + e.getStatusCode().value());
        } catch (RestClientException e) {
            log.warn("submission-service unreachable for {}: {}", path, e.getMessage());
            throw unavailable("it is unreachable");
        }
    }

    private static List<FieldError> prefixed(JsonNode problem, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode listed = problem == null ? null : problem.get("errors");
        if (listed == null || !listed.isArray() || listed.isEmpty()) {
            throw unavailable("it refused the body without naming its errors");
        }
        for (JsonNode error : listed) {
            errors.add(new FieldError(prefix + error.path("pointer").asString(""),
                    error.path("detail").asString("")));
        }
        return errors;
    }

    private static ApiProblem unavailable(String why) {
        return ApiProblem.unavailable("Intake check unavailable", "The correction could not be checked against"
                + " intake's rules (" + why + "); nothing was replayed. Try again.", RETRY_AFTER);
    }
}
