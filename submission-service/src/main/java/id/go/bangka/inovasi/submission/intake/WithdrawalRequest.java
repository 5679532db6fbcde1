package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.Text;
import id.go.bangka.inovasi.submission.registry.RegisteredOpd;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/v1/innovations/{id}/withdrawal}.
 *
 * @param opdCode the OPD that owns the innovation (the portal must act for it; the catalogue checks it owns it)
 * @param reason  why, at most 1000 characters; kept in the innovation's history
 */
@AllErrorsAtOnce
public record WithdrawalRequest(
        @Schema(example = "PKM-BATURUSA") @NotBlank(message = "opdCode of the innovation is required") @RegisteredOpd
        String opdCode,
        @Schema(example = "Program dihentikan") @Text(max = 1000, multiline = true) String reason) {
}
