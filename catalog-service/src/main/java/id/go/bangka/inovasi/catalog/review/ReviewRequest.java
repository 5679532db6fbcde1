package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.innovation.Decision;

/**
 * Body of {@code POST /api/v1/innovations/{id}/review}.
 *
 * @param decision REQUEST_REVISION, VERIFY, PUBLISH or ARCHIVE
 * @param note     the reviewer's note, internal (never public, never in exports or snapshots); at most 2000 characters
 */
public record ReviewRequest(Decision decision, String note) {
}
