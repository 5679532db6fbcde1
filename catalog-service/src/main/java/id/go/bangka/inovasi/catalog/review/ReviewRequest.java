package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.Text;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/innovations/{id}/review}.
 *
 * @param decision REQUEST_REVISION, VERIFY, PUBLISH or ARCHIVE
 * @param note     the reviewer's note, internal (never public, never in exports or snapshots); at most 2000 characters
 */
@AllErrorsAtOnce
public record ReviewRequest(
        @NotNull(message = "decision is required: one of [REQUEST_REVISION, VERIFY, PUBLISH, ARCHIVE]")
        Decision decision,
        @Text(max = 2000, multiline = true) String note) {
}
