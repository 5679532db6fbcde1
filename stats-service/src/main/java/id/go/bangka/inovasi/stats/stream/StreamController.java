package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/stream} plus the common filters: what a dashboard redraws as Server-Sent Events (event
 * {@code overview}, {@link DashboardUpdate} as JSON data).
 */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class StreamController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith();

    private final OverviewStream stream;

    public StreamController(OverviewStream stream) {
        this.stream = stream;
    }

    @GetMapping("/api/v1/stats/stream")
    @Operation(operationId = "statsStream", summary = "What a dashboard redraws, as Server-Sent Events",
            description = "Event overview (id = the view's generation) on subscribing and after each change, at most"
                    + " once a second, with heartbeat comments; stays open. Its JSON data: the overview's fields,"
                    + " and beside them trend (monthly, same filters), iid (the latest period's projection,"
                    + " improvements and OPD contributions) and for reviewers and ops review (lead times, same"
                    + " filters). With the common filters, e.g. year.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
                        mediaType = "text/event-stream", schema = @Schema(implementation = DashboardUpdate.class))),
                @ApiResponse(responseCode = "400", description = "Invalid or unknown parameters, listed in errors"),
                @ApiResponse(responseCode = "403", description = "The public asked for another status than"
                        + " PUBLISHED"),
                @ApiResponse(responseCode = "503", description = "The replica holds as many streams as it may;"
                        + " Retry-After says when to try again")})
    void stream(CallerIdentity caller, HttpServletRequest request, HttpServletResponse response,
            @Valid @ParameterObject FilterParams filters) throws IOException {
        QueryParams.onlyKnown(request, PARAMETERS);
        stream.subscribe(filters.resolve(Scope.of(caller)), request, response);
    }
}
