package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.history.RecordDiff;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One innovation, the system of record and the aggregate of the lifecycle ({@link Lifecycle}): each transition
 * ({@link #revise}, {@link #withdraw}, {@link #decide}, {@link #changeEvidence}, {@link #verifyEvidence}) returns the
 * next version or a refusal with its reason, and nothing else; the store writes it. Every write is atomic on this one
 * document: it carries its version, the submissions applied to it with their outcome (the id in
 * {@code appliedSubmissions}, the version, client and time in the {@code history} entry naming it, so the outcome is
 * written by the same write as the change and a redelivered submission changes nothing) and the last version
 * published as a snapshot ({@code publishPending} until the snapshot of {@code version} is out).
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
                InnovationStatus.SUBMITTED.name(), RecordDiff.between(null, proposal), null, null, null);
        return new Innovation(id, 1, 0, true, InnovationStatus.SUBMITTED, titleKey(proposal), proposal, submittedAt,
                change.at(), change, change.submissionId() == null ? List.of() : List.of(change.submissionId()),
                null, null, null, List.of(entry), Map.of(), null);
    }

    /**
     * This version, its newest audit entry naming the ops caller who replayed the submission that made it (a dead
     * letter published again); unchanged when {@code opsClientId} is null.
     */
    public Innovation replayedBy(String opsClientId) {
        if (opsClientId == null || history == null || history.isEmpty()) {
            return this;
        }
        List<HistoryEntry> trail = new ArrayList<>(history);
        trail.set(trail.size() - 1, trail.get(trail.size() - 1).replayedBy(opsClientId));
        return new Innovation(id, version, publishedVersion, publishPending, status, titleKey, proposal, submittedAt,
                updatedAt, lastChange, appliedSubmissions, withdrawalReason, verifiedAt, publishedAt, trail,
                evidence, scores);
    }

    /** Whether a submission was applied to this innovation (its outcome is then in {@link #history}). */
    public boolean hasApplied(UUID submissionId) {
        return appliedSubmissions != null && appliedSubmissions.contains(submissionId);
    }

    /** The evidence of an indicator, or null. */
    public Evidence evidence(String indicator) {
        return evidence == null ? null : evidence.get(indicator);
    }

    /**
     * The owner's revision (submission {@code change.submissionId()}, from OPD {@code opdCode}, based on
     * {@code baseVersion}). Refused when already applied, from another OPD, not allowed in the status, or based on
     * another version, in that order. Whether the new title is free is the store's to say.
     */
    public Transition revise(String opdCode, long baseVersion, InnovationProposal revised,
            InnovationChanged.LastChange change) {
        Refusal refused = ownerRefusal(Lifecycle.Action.REVISE, opdCode, baseVersion, change.submissionId());
        if (refused != null) {
            return new Transition(this, null, refused);
        }
        return Transition.to(this, next(Lifecycle.Action.REVISE, revised, titleKey(revised), change, null, null));
    }

    /** The owner's withdrawal, refused as {@link #revise} is; frees the title. */
    public Transition withdraw(String opdCode, long baseVersion, String reason, InnovationChanged.LastChange change) {
        Refusal refused = ownerRefusal(Lifecycle.Action.WITHDRAW, opdCode, baseVersion, change.submissionId());
        if (refused != null) {
            return new Transition(this, null, refused);
        }
        return Transition.to(this, next(Lifecycle.Action.WITHDRAW, proposal, "withdrawn|" + id, change, null,
                reason));
    }

    /**
     * A reviewer's decision: refused ({@code INVALID_STATE}) when the lifecycle does not allow it in the status, then
     * ({@code CONFLICT}) when {@code expectedVersion} is given and not the current one. The {@code message} is for the
     * owning OPD, the {@code note} for reviewers only; either may be null.
     */
    public Transition decide(Decision decision, Long expectedVersion, String message, String note,
            InnovationChanged.LastChange change) {
        if (Lifecycle.next(status, decision.action()).isEmpty()) {
            return Transition.refused(this, Refusal.Code.INVALID_STATE,
                    decision + " is not possible while the innovation is " + status + ".");
        }
        if (expectedVersion != null && expectedVersion != version) {
            return Transition.refused(this, Refusal.Code.CONFLICT,
                    "The innovation is at version " + version + ", not " + expectedVersion + ".");
        }
        return Transition.to(this, next(decision.action(), proposal, titleKey, change, message, note));
    }

    /**
     * The owner's change of an indicator's evidence (already reset to PENDING by the caller), with recomputed scores;
     * refused in a closed status.
     */
    public Transition changeEvidence(Evidence after, Function<Map<String, Evidence>, InnovationChanged.Scores> scoring,
            InnovationChanged.LastChange change, String action) {
        return evidenceTransition(Lifecycle.Action.CHANGE_EVIDENCE, after, scoring, change, action, null);
    }

    /** A reviewer accepts or rejects an indicator's evidence; refused in a closed status or without evidence. */
    public Transition verifyEvidence(String indicator, Evidence.State state, String note,
            Function<Map<String, Evidence>, InnovationChanged.Scores> scoring, InnovationChanged.LastChange change) {
        Evidence before = evidence(indicator);
        if (before == null && Lifecycle.next(status, Lifecycle.Action.VERIFY_EVIDENCE).isPresent()) {
            return Transition.refused(this, Refusal.Code.NOT_FOUND,
                    "Indicator " + indicator + " has no evidence to verify.");
        }
        Evidence after = before == null ? null : new Evidence(before.indicator(), before.parameter(), before.links(),
                before.files(), state, note, change.at(), change.by());
        return evidenceTransition(Lifecycle.Action.VERIFY_EVIDENCE, after, scoring, change,
                "EVIDENCE_" + state + " " + indicator, note);
    }

    private Transition evidenceTransition(Lifecycle.Action kind, Evidence after,
            Function<Map<String, Evidence>, InnovationChanged.Scores> scoring, InnovationChanged.LastChange change,
            String action, String note) {
        if (Lifecycle.next(status, kind).isEmpty()) {
            return Transition.refused(this, Refusal.Code.INVALID_STATE,
                    "Evidence cannot change while the innovation is " + status + ".");
        }
        Map<String, Evidence> nextEvidence = new HashMap<>(evidence == null ? Map.of() : evidence);
        Evidence before = nextEvidence.put(after.indicator(), after);
        List<HistoryEntry> trail = trail(new HistoryEntry(version + 1, change.at(), change.by(), action, null,
                status.name(), status.name(), EvidenceDiff.between(after.indicator(), before, after), note, null,
                null));
        return Transition.to(this, new Innovation(id, version + 1, publishedVersion, true, status, titleKey, proposal,
                submittedAt, change.at(), change, appliedSubmissions, withdrawalReason, verifiedAt, publishedAt, trail,
                nextEvidence, scoring.apply(nextEvidence)));
    }

    private Refusal ownerRefusal(Lifecycle.Action action, String opdCode, long baseVersion, UUID submissionId) {
        if (submissionId != null && hasApplied(submissionId)) {
            return new Refusal(Refusal.Code.ALREADY_APPLIED, "submission " + submissionId + " was applied to "
                    + id);
        }
        if (!opdCode().equals(opdCode)) {
            return new Refusal(Refusal.Code.FORBIDDEN, "innovation " + id + " belongs to OPD " + opdCode()
                    + ", not " + opdCode);
        }
        if (Lifecycle.next(status, action).isEmpty()) {
            return new Refusal(Refusal.Code.INVALID_STATE, "a " + action + " is not possible in status " + status
                    + "; it is possible in " + Lifecycle.allowing(action));
        }
        if (version != baseVersion) {
            return new Refusal(Refusal.Code.CONFLICT, "the submission was based on version " + baseVersion
                    + " but the current version is " + version);
        }
        return null;
    }

    /** The next version after a lifecycle action, with its audit entry (the reviewer's message and note). */
    private Innovation next(Lifecycle.Action action, InnovationProposal nextProposal, String nextTitleKey,
            InnovationChanged.LastChange change, String message, String note) {
        InnovationStatus nextStatus = Lifecycle.next(status, action).orElseThrow();
        List<UUID> applied = new ArrayList<>(appliedSubmissions == null ? List.of() : appliedSubmissions);
        if (change.submissionId() != null) {
            applied.add(change.submissionId());
        }
        List<HistoryEntry> trail = trail(new HistoryEntry(version + 1, change.at(), change.by(), action.name(),
                change.submissionId(), status.name(), nextStatus.name(),
                RecordDiff.between(proposal, nextProposal), note, message, null));
        return new Innovation(id, version + 1, publishedVersion, true, nextStatus, nextTitleKey, nextProposal,
                submittedAt, change.at(), change, applied,
                nextStatus == InnovationStatus.WITHDRAWN ? note : withdrawalReason,
                nextStatus == InnovationStatus.VERIFIED ? change.at() : verifiedAt,
                nextStatus == InnovationStatus.PUBLISHED ? change.at() : publishedAt, trail,
                evidence, scores);
    }

    private List<HistoryEntry> trail(HistoryEntry entry) {
        List<HistoryEntry> trail = new ArrayList<>(history == null ? List.of() : history);
        trail.add(entry);
        return trail;
    }

    public String opdCode() {
        return proposal.opdCode();
    }

    /**
     * The snapshot of this version: what statistics need and the public text search needs; the initiator's name only
     * with consent, never reviewer notes.
     */
    public InnovationChanged toSnapshot() {
        InnovationChanged.LastChange change = lastChange == null ? null : new InnovationChanged.LastChange(
                lastChange.kind(), asStored(lastChange.at()), lastChange.by(), lastChange.submissionId());
        return new InnovationChanged(id, version, status, change, proposal.opdCode(), proposal.field(),
                proposal.stage(), proposal.year(), asStored(submittedAt), proposal.source(), proposal.form(),
                proposal.kind(), proposal.programme(), proposal.governmentAffair(), asStored(verifiedAt),
                asStored(publishedAt), scores, content(), proposal.implementationDate(), proposal.designWords(),
                proposal.secondaryAffairs());
    }

    /**
     * An instant as MongoDB stores it (a BSON date: whole milliseconds), so that a version's snapshot is the same
     * whether it is made from the writer's copy or from the document read back; null stays null.
     */
    public static Instant asStored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The public content of this version, as its snapshot carries it: the initiator's name only with consent. */
    public InnovationChanged.Content content() {
        return new InnovationChanged.Content(proposal.title(),
                proposal.initiatorNamePublic() ? proposal.initiatorName() : null, proposal.design(),
                proposal.goals(), proposal.benefits(), proposal.results(), proposal.links());
    }
}
