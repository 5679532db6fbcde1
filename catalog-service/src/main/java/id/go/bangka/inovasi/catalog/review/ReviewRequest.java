package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.Text;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/innovations/{id}/review}.
 *
 * @param decision REQUEST_REVISION, VERIFY, PUBLISH or ARCHIVE
 * @param message  the reviewer's message to the owning OPD (what to change and why), shown to the owner in its
 *                 history; never public, never in exports or snapshots; at most 2000 characters
 * @param note     the reviewer's internal note, read by reviewers and ops only; at most 2000 characters
 */
@AllErrorsAtOnce
public record ReviewRequest(
        @NotNull(message = "decision is required: one of [REQUEST_REVISION, VERIFY, PUBLISH, ARCHIVE]")
        Decision decision,
        @Text(max = 2000, multiline = true) String message,
        @Text(max = 2000, multiline = true) String note) {
}
