package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.catalog.evidence.Evidence;
import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.history.RecordDiff;
import id.go.bangka.inovasi.catalog.search.SearchTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One innovation, the system of record. Every write is atomic on this one document: it carries its version, the
 * submissions already applied to it (so a redelivered submission changes nothing) and the last version published as a
 * snapshot ({@code publishPending} until the snapshot of {@code version} is out).
 *
 * @param id                 innovationId
 * @param version            increases by one with every change
 * @param publishedVersion   the last version whose snapshot the broker acknowledged
 * @param publishPending     true while {@code publishedVersion < version}; what the sweeper looks for
 * @param status             lifecycle status
 * @param titleKey           OPD, year and normalised title: unique, so a title is used once per OPD and year
 * @param proposal           the record as last submitted
 * @param submittedAt        when intake first received it
 * @param updatedAt          last change
 * @param lastChange         what made this version
 * @param appliedSubmissions ids of the submissions applied to it
 * @param withdrawalReason   why the owner withdrew it, if they did
 * @param verifiedAt         when reviewers verified it
 * @param publishedAt        when it was (last) published
 * @param history            the audit trail, oldest first, written atomically with each change
 * @param searchTerms        Indonesian-analysed terms of the searchable text ({@link SearchTerms})
 * @param evidence           the owner's evidence per IID indicator code
 * @param scores             IID scores computed from the evidence at its last change
 */
@Document(Innovation.COLLECTION)
public record Innovation(
        @Id UUID id,
        long version,
        long publishedVersion,
        boolean publishPending,
        InnovationStatus status,
        String titleKey,
        InnovationProposal proposal,
        Instant submittedAt,
        Instant updatedAt,
        InnovationChanged.LastChange lastChange,
        List<UUID> appliedSubmissions,
        String withdrawalReason,
        Instant verifiedAt,
        Instant publishedAt,
        List<HistoryEntry> history,
        List<String> searchTerms,
        Map<String, Evidence> evidence,
        InnovationChanged.Scores scores) {

    public static final String COLLECTION = "innovations";

    /** The uniqueness key of a title: the same for titles that differ only in case and spacing. */
    public static String titleKey(InnovationProposal proposal) {
        return proposal.opdCode() + "|" + proposal.year() + "|"
                + proposal.title().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A new innovation at version 1. */
    public static Innovation created(UUID id, InnovationProposal proposal, Instant submittedAt,
            InnovationChanged.LastChange change) {
        HistoryEntry entry = new HistoryEntry(1, change.at(), change.by(), "CREATE", change.submissionId(), null,
                InnovationStatus.SUBMITTED.name(), RecordDiff.between(null, proposal), null);
        return new Innovation(id, 1, 0, true, InnovationStatus.SUBMITTED, titleKey(proposal), proposal, submittedAt,
                change.at(), change, change.submissionId() == null ? List.of() : List.of(change.submissionId()),
                null, null, null, List.of(entry), SearchTerms.of(proposal), Map.of(), null);
    }

    /**
     * The next version after a change.
     *
     * @param status   status after the change
     * @param proposal record after the change
     * @param titleKey uniqueness key after the change
     * @param change   what made it
     * @param action   CREATE, REVISE, WITHDRAW or a review decision, for the audit trail
     * @param note     reviewer's note or withdrawal reason (internal)
     */
    public Innovation next(InnovationStatus status, InnovationProposal proposal, String titleKey,
            InnovationChanged.LastChange change, String action, String note) {
        List<UUID> applied = new ArrayList<>(appliedSubmissions);
        if (change.submissionId() != null) {
            applied.add(change.submissionId());
        }
        List<HistoryEntry> trail = new ArrayList<>(history == null ? List.of() : history);
        trail.add(new HistoryEntry(version + 1, change.at(), change.by(), action, change.submissionId(),
                this.status.name(), status.name(), RecordDiff.between(this.proposal, proposal), note));
        return new Innovation(id, version + 1, publishedVersion, true, status, titleKey, proposal, submittedAt,
                change.at(), change, applied,
                status == InnovationStatus.WITHDRAWN ? note : withdrawalReason,
                status == InnovationStatus.VERIFIED ? change.at() : verifiedAt,
                status == InnovationStatus.PUBLISHED ? change.at() : publishedAt, trail,
                proposal == this.proposal && searchTerms != null ? searchTerms : SearchTerms.of(proposal),
                evidence, scores);
    }

    /** The next version after an evidence change, with its field-level changes and recomputed scores. */
    public Innovation withEvidence(Map<String, Evidence> nextEvidence, InnovationChanged.Scores nextScores,
            InnovationChanged.LastChange change, String action, List<HistoryEntry.FieldChange> changes,
            String note) {
        List<HistoryEntry> trail = new ArrayList<>(history == null ? List.of() : history);
        trail.add(new HistoryEntry(version + 1, change.at(), change.by(), action, null, status.name(), status.name(),
                changes, note));
        return new Innovation(id, version + 1, publishedVersion, true, status, titleKey, proposal, submittedAt,
                change.at(), change, appliedSubmissions, withdrawalReason, verifiedAt, publishedAt, trail,
                searchTerms, nextEvidence, nextScores);
    }

    public String opdCode() {
        return proposal.opdCode();
    }

    /** The snapshot of this version, with only what statistics need. */
    public InnovationChanged toSnapshot() {
        return new InnovationChanged(id, version, status, lastChange, proposal.opdCode(), proposal.field(),
                proposal.stage(), proposal.year(), submittedAt, proposal.source(), proposal.form(), proposal.kind(),
                proposal.programme(), proposal.governmentAffair(), verifiedAt, publishedAt, scores);
    }
}
