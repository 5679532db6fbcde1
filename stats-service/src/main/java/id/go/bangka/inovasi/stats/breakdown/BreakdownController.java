package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/breakdown?by=&then=&status=&year=&opdCode=&field=}: counts by one dimension or a cross-tab
 * by two, with Indonesian and English labels (an OPD's label is its name in the registry); CSV when the request accepts {@code text/csv} explicitly.
 */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class BreakdownController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private static final Set<String> PARAMETERS = FilterParams.namesWith("by", "then");

    private final BreakdownService breakdowns;
    private final OpdLabels opdLabels;

    public BreakdownController(BreakdownService breakdowns, OpdLabels opdLabels) {
        this.breakdowns = breakdowns;
        this.opdLabels = opdLabels;
    }

    @GetMapping(BreakdownApiDocs.PATH)
    @Operation(operationId = "statsBreakdown", summary = "Counts by one dimension, or a cross-tab by two",
            description = "With Indonesian and English labels; CSV when the request accepts text/csv explicitly.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The counts", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = Breakdown.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}),
                @ApiResponse(responseCode = "400", description = "Invalid or unknown parameters, listed in errors"),
                @ApiResponse(responseCode = "403", description = "The public asked for another status than"
                        + " PUBLISHED")})
    ResponseEntity<?> breakdown(CallerIdentity caller, HttpServletRequest request,
            // The documented values of by and then come from Dimension (BreakdownApiDocs).
            @Parameter(description = "The dimension counted by", required = true)
            @RequestParam(required = false) String by,
            @Parameter(description = "A second dimension, for a cross-tab; not the same as by")
            @RequestParam(required = false) String then,
            @Valid @ParameterObject FilterParams filters,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        QueryParams.onlyKnown(request, PARAMETERS);
        if (by == null || by.isBlank()) {
            throw QueryParams.invalid("by", "is required: one of " + Dimension.names());
        }
        Dimension first = Dimension.fromParameter("by", by);
        Dimension second = then == null || then.isBlank() ? null : Dimension.fromParameter("then", then);
        if (first == second) {
            throw QueryParams.invalid("then", "must differ from by");
        }
        Breakdown breakdown = opdLabels.name(breakdowns.breakdown(first, second, filters.resolve(Scope.of(caller))),
                first, second);
        if (wantsCsv(accept)) {
            String name = "breakdown-" + first.parameter() + (second == null ? "" : "-" + second.parameter());
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                    .body(BreakdownCsv.write(breakdown));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(breakdown);
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return accepted.stream().anyMatch(m -> m.getQualityValue() > 0 && m.isCompatibleWith(TEXT_CSV)
                && !m.isWildcardType() && !m.isWildcardSubtype());
    }
}
