package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.SubmissionAction;
import java.util.UUID;

/**
 * What a portal asks, independent of how it was sent: its fingerprint tells a replay from a reused key.
 *
 * @param action       create, revise or withdraw
 * @param innovationId the innovation
 * @param baseVersion  the version revised or withdrawn from; 0 for create
 * @param opdCode      the owning OPD
 * @param proposal     the record; null for withdraw
 * @param reason       why it is withdrawn; null otherwise
 */
record Intent(SubmissionAction action, UUID innovationId, long baseVersion, String opdCode,
        InnovationProposal proposal, String reason) {
}
