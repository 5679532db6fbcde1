package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/submissions}: a portal proposes a new innovation. */
@RestController
@RequestMapping("/api/v1/submissions")
public class IntakeController {

    private final IntakeService intake;
    private final IntakeProperties properties;

    public IntakeController(IntakeService intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<SubmissionAccepted> create(CallerIdentity caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody ProposalRequest request) {
        SubmissionAccepted accepted = intake.create(caller, idempotencyKey, request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/submissions/" + accepted.submissionId()))
                .body(accepted);
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e) {
        ProblemDetail problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "The submission was not accepted because the message broker is unavailable. Retry with the same"
                        + " Idempotency-Key; it will be applied once.").toProblemDetail();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()))
                .body(problem);
    }
}
