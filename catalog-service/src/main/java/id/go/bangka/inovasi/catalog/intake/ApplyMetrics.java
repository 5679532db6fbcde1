package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.innovation.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Meter {@code inovasi.catalog.outcomes}: each submission the catalogue decided, tagged {@code outcome} (APPLIED,
 * REJECTED, or DUPLICATE for a redelivery of one already applied) and {@code reason} (the rejection code, or NONE).
 */
@Component
class ApplyMetrics {

    static final String OUTCOMES = "inovasi.catalog.outcomes";

    private final MeterRegistry registry;

    ApplyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied() {
        count("APPLIED", "NONE");
    }

    void duplicate() {
        count("DUPLICATE", "NONE");
    }

    void rejected(Refusal rejection) {
        count("REJECTED", rejection.code().name());
    }

    private void count(String outcome, String reason) {
        Counter.builder(OUTCOMES).description("Submissions the catalogue applied, rejected or ignored as duplicates")
                .tag("outcome", outcome).tag("reason", reason).register(registry).increment();
    }
}
