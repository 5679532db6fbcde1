package id.go.bangka.inovasi.catalog.ops.deadletter;

import id.go.bangka.inovasi.catalog.ops.OpsAccess;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters of the submissions topic (role {@code ops}): {@code GET /api/v1/ops/dead-letters?page=&size=}
 * lists them with their error; {@code POST /api/v1/ops/dead-letters/{partition}/{offset}/replay} publishes one again,
 * as it was or with a corrected SubmissionReceived JSON as the body ({@link CorrectionCheck}: same identity, intake's
 * rules), naming the ops caller in the record so the audit entry of its change does.
 */
@RestController
@Tag(name = "Operations", description = "Ops only: republish snapshots, read and replay dead letters")
public class DeadLetterController {

    static final int MAX_SIZE = 100;

    /**
     * Where a replayed record went.
     *
     * @param from      the dead letter, {@code <topic>/<partition>/<offset>}
     * @param topic     the submissions topic
     * @param partition its partition there
     * @param offset    its offset there
     * @param corrected whether a corrected value replaced the original one
     */
    public record Replayed(String from, String topic, int partition, long offset, boolean corrected) {
    }

    private final DeadLetterTopic deadLetters;
    private final DeadLetterReplayer replayer;
    private final CorrectionCheck corrections;

    public DeadLetterController(DeadLetterTopic deadLetters, DeadLetterReplayer replayer,
            CorrectionCheck corrections) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.corrections = corrections;
    }

    @GetMapping("/api/v1/ops/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "Dead letters of inovasi.submissions.v1",
            description = "With their error, key, headers and a payload preview.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of dead letters with their total"),
                @ApiResponse(responseCode = "400", description = "page or size out of range"),
                @ApiResponse(responseCode = "403", description = "Not ops")})
    DeadLetterPage list(CallerIdentity caller,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "100"))
            @RequestParam(defaultValue = "20") int size) {
        OpsAccess.require(caller, "read dead letters");
        if (page < 0) {
            throw ApiProblem.badRequest("page must be 0 or more.")
                    .with("errors", List.of(new FieldError("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("size must be from 1 to " + MAX_SIZE + ".")
                    .with("errors", List.of(new FieldError("size", "must be from 1 to " + MAX_SIZE)));
        }
        return deadLetters.page(page, size);
    }

    @PostMapping("/api/v1/ops/dead-letters/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Publish a dead letter again to inovasi.submissions.v1",
            description = "As it was, or with a corrected SubmissionReceived JSON as the body: it must keep the"
                    + " original's submissionId, innovationId, action, caller and opdCode, and its proposal (or"
                    + " withdrawal reason) must pass intake's rules. Applied once however often it is replayed; the"
                    + " audit entry names the ops caller who replayed it (docs/operations.md).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    description = "Optional: a corrected SubmissionReceived (events schema"
                            + " inovasi.submission.received.v1)",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Published again: where it went"),
                @ApiResponse(responseCode = "400", description = "Partition or offset out of range, or the corrected"
                        + " body is no readable SubmissionReceived, or intake's rules refuse its proposal (errors"
                        + " below /proposal) or reason (/reason)"),
                @ApiResponse(responseCode = "403", description = "Not ops"),
                @ApiResponse(responseCode = "404", description = "No dead letter there"),
                @ApiResponse(responseCode = "422", description = "The correction changes the submission id,"
                        + " innovation id, action, caller or OPD, or the dead letter lacks one so it cannot be"
                        + " checked: each named in errors"),
                @ApiResponse(responseCode = "503", description = "Broker or intake unavailable; nothing replayed")})
    ResponseEntity<Replayed> replay(CallerIdentity caller,
            @Parameter(description = "Partition of the dead-letter topic", schema = @Schema(minimum = "0",
                    maximum = "5")) @PathVariable int partition,
            @Parameter(description = "Offset in that partition", schema = @Schema(minimum = "0"))
            @PathVariable long offset,
            @RequestBody(required = false) byte[] corrected) {
        OpsAccess.require(caller, "replay dead letters");
        if (partition < 0 || partition >= Topics.PARTITIONS || offset < 0) {
            throw ApiProblem.badRequest("partition must be from 0 to " + (Topics.PARTITIONS - 1)
                    + " and offset 0 or more");
        }
        boolean correcting = corrected != null && corrected.length > 0;
        if (correcting) {
            CorrectionCheck.readable(corrected);
        }
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.find(partition, offset)
                .orElseThrow(() -> ApiProblem.notFound("No dead letter at partition " + partition + ", offset "
                        + offset + " of " + Topics.SUBMISSIONS_DEAD_LETTERS));
        if (correcting) {
            corrections.check(deadLetter.value(), corrected, caller);
        }
        RecordMetadata sent = replayer.replay(deadLetter, correcting ? corrected : null, caller.clientId());
        return ResponseEntity.accepted().body(new Replayed(Topics.SUBMISSIONS_DEAD_LETTERS + "/" + partition + "/"
                + offset, sent.topic(), sent.partition(), sent.offset(), correcting));
    }
}
