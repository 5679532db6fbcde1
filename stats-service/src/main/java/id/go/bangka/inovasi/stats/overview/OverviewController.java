package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/overview}: public numbers count PUBLISHED innovations; reviewers and ops see all. */
@RestController
public class OverviewController {

    private final CatalogView view;

    public OverviewController(CatalogView view) {
        this.view = view;
    }

    @GetMapping("/api/v1/stats/overview")
    Overview overview(CallerIdentity caller) {
        boolean all = caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.OPS);
        List<InnovationChanged> counted = view.all().stream()
                .filter(s -> all || s.status() == InnovationStatus.PUBLISHED).toList();
        return new Overview(all ? "ALL" : InnovationStatus.PUBLISHED.name(), counted.size(),
                count(counted, s -> s.status().name()), count(counted, s -> s.field().name()),
                count(counted, InnovationChanged::opdCode), count(counted, s -> Integer.toString(s.year())),
                count(counted, s -> s.stage().name()), Instant.now());
    }

    private static Map<String, Long> count(List<InnovationChanged> snapshots,
            Function<InnovationChanged, String> key) {
        return snapshots.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
