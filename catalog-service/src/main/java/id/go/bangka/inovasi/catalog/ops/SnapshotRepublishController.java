package id.go.bangka.inovasi.catalog.ops;

import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.snapshot.SnapshotSweeper;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ops/snapshots/republish} (role {@code ops}): republishes every innovation's snapshot, for a new
 * read model or after an additive schema change. Consumers ignore snapshots that are not newer than what they hold,
 * so a republish changes nothing they already counted.
 */
@RestController
@Tag(name = "Operations", description = "Ops only: republish snapshots, read and replay dead letters")
public class SnapshotRepublishController {

    /**
     * What was scheduled.
     *
     * @param innovations how many snapshots will be published again by the sweeper
     */
    public record Republish(long innovations) {
    }

    private final InnovationStore store;
    private final SnapshotSweeper sweeper;

    public SnapshotRepublishController(InnovationStore store, SnapshotSweeper sweeper) {
        this.store = store;
        this.sweeper = sweeper;
    }

    @PostMapping("/api/v1/ops/snapshots/republish")
    @Operation(operationId = "republishSnapshots", summary = "Republish every innovation's snapshot",
            description = "For a new read model or after an additive schema change; consumers ignore snapshots not"
                    + " newer than what they hold.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Scheduled: how many snapshots will be published"),
                @ApiResponse(responseCode = "403", description = "Not ops")})
    ResponseEntity<Republish> republish(CallerIdentity caller) {
        OpsAccess.require(caller, "republish snapshots");
        long marked = store.markAllUnpublished();
        sweeper.sweepSoon();
        return ResponseEntity.accepted().body(new Republish(marked));
    }
}
