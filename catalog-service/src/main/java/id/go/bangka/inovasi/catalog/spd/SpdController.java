package id.go.bangka.inovasi.catalog.spd;

import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regency's own IID score (SPD, indicators 1-15) per assessment period, recorded by Bappeda (reviewer or ops) and
 * published to stats on {@code inovasi.assessments.v1}.
 */
@RestController
@Tag(name = "Review", description = "Bappeda reviewers: the queue, lifecycle decisions and the audit trail")
public class SpdController {

    private static final String PATH = "/api/v1/review/iid/spd/{period}";

    private final SpdStore store;
    private final SpdPublisher publisher;

    public SpdController(SpdStore store, SpdPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * What is recorded for a period.
     *
     * @param published whether stats has been sent this version
     */
    public record SpdView(String period, long version, List<SpdRecorded.Indicator> indicators, Instant recordedAt,
            String recordedBy, boolean published) {

        static SpdView of(SpdRecord r) {
            return new SpdView(r.period(), r.version(), r.indicators(), r.recordedAt(), r.recordedBy(),
                    !r.publishPending());
        }
    }

    @PutMapping(PATH)
    @Operation(operationId = "recordSpd", summary = "Record the regency's SPD (indicators 1-15) of a period",
            description = "Reviewers and ops only. The whole set replaces the one before; an indicator left out"
                    + " scores 0. Stats applies the period's weights and computes the index over 250.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "two rows", value = "{\"indicators\":[{\"code\":\"1\","
                            + "\"parameter\":3,\"evidence\":\"https://bappeda.bangka.go.id/iid/visi.pdf\"},"
                            + "{\"code\":\"2a\",\"parameter\":2,"
                            + "\"evidence\":\"https://bappeda.bangka.go.id/apbd\"}]}"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Recorded and sent to stats"),
                @ApiResponse(responseCode = "400",
                        description = "A bad period, code, parameter or link, or a code twice"),
                @ApiResponse(responseCode = "401", description = "Anonymous"),
                @ApiResponse(responseCode = "403", description = "Neither reviewer nor ops"),
                @ApiResponse(responseCode = "503", description = "Recorded, but the broker did not confirm; it is sent"
                        + " again shortly")})
    SpdView record(CallerIdentity caller, @Parameter(description = "Assessment period, e.g. 2026")
            @PathVariable String period, @Valid @RequestBody SpdRequest request) {
        allow(caller);
        List<FieldError> errors = new ArrayList<>();
        if (!period.matches("20[0-9]{2}")) {
            errors.add(new FieldError("period", "must be a year such as 2026"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.indicators().size(); i++) {
            if (!seen.add(request.indicators().get(i).code())) {
                errors.add(new FieldError("/indicators/" + i + "/code", "each indicator at most once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + errors.size() + " invalid value(s); see errors.").with("errors", errors);
        }
        List<SpdRecorded.Indicator> rows = request.indicators().stream()
                .map(r -> new SpdRecorded.Indicator(r.code(), r.parameter(), r.evidence())).toList();
        SpdRecord stored = store.record(period, rows, Instant.now(), caller.clientId());
        if (!publisher.publish(period)) {
            throw ApiProblem.unavailable("Not yet sent to statistics", "Recorded as version " + stored.version()
                    + "; the broker did not confirm, it is sent again shortly.", Duration.ofSeconds(5));
        }
        return SpdView.of(store.find(period).orElseThrow());
    }

    @GetMapping(PATH)
    @Operation(operationId = "readSpd", summary = "The regency's SPD of a period as recorded",
            responses = {
                @ApiResponse(responseCode = "200", description = "The record"),
                @ApiResponse(responseCode = "403", description = "Neither reviewer nor ops"),
                @ApiResponse(responseCode = "404", description = "Nothing recorded for the period")})
    SpdView read(CallerIdentity caller, @PathVariable String period) {
        allow(caller);
        return store.find(period).map(SpdView::of)
                .orElseThrow(() -> ApiProblem.notFound("No SPD recorded for period " + period + "."));
    }

    private static void allow(CallerIdentity caller) {
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Recording the SPD needs a key.");
        }
        if (!caller.hasRole(Roles.REVIEWER) && !caller.hasRole(Roles.OPS)) {
            throw ApiProblem.forbidden("Only reviewers and ops record the SPD.");
        }
    }
}
