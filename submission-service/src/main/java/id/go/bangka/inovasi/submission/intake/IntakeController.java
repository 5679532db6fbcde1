package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The portal's writes: create, revise and withdraw innovations. Each answers 202 once the broker has the event. */
@RestController
@Tag(name = "Intake", description = "OPD portals submit, revise and withdraw innovations")
public class IntakeController {

    static final String FULL_PROPOSAL = """
            {"title":"Soltan: survei PHBS digital","opdCode":"PKM-BATURUSA","source":"OPD",
             "initiatorType":"CIVIL_SERVANT","initiatorName":"Tim Promkes Baturusa","initiatorNamePublic":true,
             "field":"HEALTH","governmentAffair":"HEALTH","secondaryAffairs":["COMMUNICATION"],"form":"PUBLIC_SERVICE",
             "kind":"DIGITAL","stage":"IMPLEMENTATION","programme":"INNOVATION_LAB","year":2022,
             "trialDate":"2021-06-01","implementationDate":"2022-01-10",
             "design":"Dasar hukum, permasalahan, isu strategis, metode pembaharuan dan keunggulan (300 kata atau lebih)",
             "goals":"Mempercepat pendataan PHBS rumah tangga","benefits":"Data PHBS tersedia cepat dan akurat",
             "results":"Cakupan survei PHBS naik","links":{"videoUrl":"https://www.youtube.com/watch?v=soltan",
             "appUrl":"https://soltan.bangka.go.id","documents":["https://bappeda.bangka.go.id/soltan.pdf"]}}""";
    private static final String KEY_DOC = "Unique per submission, the same on every retry of it (a UUID)";

    private final IntakeService intake;
    private final IntakeProperties properties;

    public IntakeController(IntakeService intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping("/api/v1/submissions")
    @Operation(operationId = "createSubmission", summary = "Propose a new innovation",
            description = "Portals only, for an OPD they act for. Every invalid field is listed at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "full proposal", value = FULL_PROPOSAL))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted: the broker has it; follow Location"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors"),
                @ApiResponse(responseCode = "401", description = "No valid API key"),
                @ApiResponse(responseCode = "403", description = "Not a portal, or not for this OPD"),
                @ApiResponse(responseCode = "413", description = "Body over 256 KiB"),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body"),
                @ApiResponse(responseCode = "503", description = "Broker unavailable; retry with the same key")})
    ResponseEntity<SubmissionAccepted> create(@Parameter(hidden = true) CallerIdentity caller,
            @Parameter(description = KEY_DOC) @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) ProposalRequest request) {
        return accepted(intake.create(caller, key, request));
    }

    @PutMapping("/api/v1/innovations/{id}")
    @Operation(operationId = "reviseInnovation",
            summary = "Revise an innovation (back to review); If-Match names the version revised",
            description = "The owning OPD's portal. A stale version is REJECTED with reason CONFLICT.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "full proposal", value = FULL_PROPOSAL))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted: the broker has it; follow Location"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors"),
                @ApiResponse(responseCode = "403", description = "Not a portal, or not for this OPD"),
                @ApiResponse(responseCode = "413", description = "Body over 256 KiB"),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body"),
                @ApiResponse(responseCode = "428", description = "If-Match missing")})
    ResponseEntity<SubmissionAccepted> revise(@Parameter(hidden = true) CallerIdentity caller,
            @PathVariable UUID id,
            @Parameter(description = KEY_DOC) @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Parameter(description = "The version revised, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ProposalRequest request) {
        return accepted(intake.revise(caller, key, id, ifMatch, request));
    }

    @PostMapping("/api/v1/innovations/{id}/withdrawal")
    @Operation(operationId = "withdrawInnovation",
            summary = "Withdraw an innovation; If-Match names the version withdrawn",
            description = "The owning OPD's portal; the body names the OPD and the reason.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted: the broker has it; follow Location"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors"),
                @ApiResponse(responseCode = "403", description = "Not a portal, or not for this OPD"),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body"),
                @ApiResponse(responseCode = "428", description = "If-Match missing")})
    ResponseEntity<SubmissionAccepted> withdraw(@Parameter(hidden = true) CallerIdentity caller,
            @PathVariable UUID id,
            @Parameter(description = KEY_DOC) @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Parameter(description = "The version withdrawn, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) WithdrawalRequest request) {
        return accepted(intake.withdraw(caller, key, id, ifMatch, request));
    }

    private static ResponseEntity<SubmissionAccepted> accepted(SubmissionAccepted accepted) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/submissions/" + accepted.submissionId()))
                .body(accepted);
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e) {
        return ProblemResponses.answer(ApiProblem.unavailable("Temporarily unavailable",
                "The submission was not accepted because the message broker is unavailable. Retry with the same"
                        + " Idempotency-Key; it will be applied once.", properties.retryAfter()));
    }
}
