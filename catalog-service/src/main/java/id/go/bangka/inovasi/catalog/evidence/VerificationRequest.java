package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Evidence;

/**
 * Body of {@code POST /api/v1/innovations/{id}/evidence/{indicator}/verification}.
 *
 * @param state ACCEPTED or REJECTED
 * @param note  the reviewer's note, internal, at most 2000 characters
 */
public record VerificationRequest(Evidence.State state, String note) {
}
