package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import id.go.bangka.inovasi.stats.overview.Overview;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/stats/stream}: the overview as Server-Sent Events (event {@code overview}, JSON data). */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class StreamController {

    private final OverviewStream stream;

    public StreamController(OverviewStream stream) {
        this.stream = stream;
    }

    @GetMapping("/api/v1/stats/stream")
    @Operation(operationId = "statsStream", summary = "The overview as Server-Sent Events",
            description = "Event overview with the overview as JSON data after each change, at most once a second,"
                    + " with heartbeat comments; stays open.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
                        mediaType = "text/event-stream", schema = @Schema(implementation = Overview.class))),
                @ApiResponse(responseCode = "400", description = "A query parameter; this takes none")})
    SseEmitter stream(CallerIdentity caller, HttpServletRequest request) {
        QueryParams.onlyKnown(request, Set.of());
        return stream.subscribe(Scope.of(caller));
    }
}
