package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.platform.problem.FieldError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Intake's business meters: {@code inovasi.submissions.accepted} (tag {@code action}) for every submission published
 * (not for replays of an answered Idempotency-Key), {@code inovasi.submissions.rejected} (tag {@code reason}) for every
 * refusal, and {@code inovasi.submissions.invalid.fields} (tag {@code field}: the JSON pointer with array indexes
 * removed) for each invalid field of a refused proposal.
 */
@Component
public class IntakeMetrics {

    static final String ACCEPTED = "inovasi.submissions.accepted";
    static final String REJECTED = "inovasi.submissions.rejected";
    static final String INVALID_FIELDS = "inovasi.submissions.invalid.fields";

    /** Why intake refused a submission. */
    enum Reason {
        INVALID, UNAUTHENTICATED, FORBIDDEN, IDEMPOTENCY_KEY_REUSED, BROKER_UNAVAILABLE
    }

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(SubmissionAction action) {
        Counter.builder(ACCEPTED).description("Submissions published to the submissions topic")
                .tag("action", action.name()).register(registry).increment();
    }

    void rejected(Reason reason) {
        Counter.builder(REJECTED).description("Submissions intake refused")
                .tag("reason", reason.name()).register(registry).increment();
    }

    void invalid(List<FieldError> errors) {
        rejected(Reason.INVALID);
        errors.stream().map(e -> e.pointer().replaceAll("/\\d+(?=/|$)", "")).distinct()
                .forEach(field -> Counter.builder(INVALID_FIELDS).description("Invalid fields of refused proposals")
                        .tag("field", field.isEmpty() ? "/" : field).register(registry).increment());
    }
}
