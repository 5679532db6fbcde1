package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/stats/stream}: the overview as Server-Sent Events (event {@code overview}, JSON data). */
@RestController
public class StreamController {

    private final OverviewStream stream;

    public StreamController(OverviewStream stream) {
        this.stream = stream;
    }

    @GetMapping("/api/v1/stats/stream")
    SseEmitter stream(CallerIdentity caller, HttpServletRequest request) {
        QueryParams.onlyKnown(request, Set.of());
        return stream.subscribe(Scope.of(caller));
    }
}
