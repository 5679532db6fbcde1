package id.go.bangka.inovasi.submission.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/innovations/{id}/withdrawal}.
 *
 * @param opdCode the OPD that owns the innovation (the portal must act for it; the catalogue checks it owns it)
 * @param reason  why, at most 1000 characters; kept in the innovation's history
 */
public record WithdrawalRequest(
        @Schema(example = "PKM-BATURUSA") String opdCode,
        @Schema(example = "Program dihentikan") String reason) {
}
