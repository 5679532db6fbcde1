package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.Text;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/innovations/{id}/evidence/{indicator}/verification}.
 *
 * @param state ACCEPTED or REJECTED
 * @param note  the reviewer's note on the evidence, read by the owning OPD beside the indicator; at most 2000
 *              characters
 */
@AllErrorsAtOnce
public record VerificationRequest(
        @NotNull(message = "state must be ACCEPTED or REJECTED") Evidence.State state,
        @Text(max = 2000, multiline = true) String note) {
}
