package id.go.bangka.inovasi.catalog.history;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One change in an innovation's audit trail: who, when, what changed.
 *
 * @param version      the version this change produced
 * @param at           when
 * @param by           client id of whoever made it
 * @param action       CREATE, REVISE, WITHDRAW, or a review decision
 * @param submissionId the submission applied, for portal actions
 * @param statusBefore status before the change; null on creation
 * @param statusAfter  status after the change
 * @param changes      field-level differences of the record
 * @param note         the reviewer's internal note on a decision (reviewers and ops only, {@link #forOwner}), the
 *                     reviewer's note on evidence, or the owner's withdrawal reason; never public
 * @param message      the reviewer's message to the owning OPD on a decision (what to change, why); the owner reads
 *                     it; never public
 * @param replayedBy   for a submission an operator replayed from the dead letters: the ops client id who did; null
 *                     otherwise ({@code by} stays the portal that submitted it)
 */
public record HistoryEntry(long version, Instant at, String by, String action, UUID submissionId,
        String statusBefore, String statusAfter, List<FieldChange> changes, String note, String message,
        String replayedBy) {

    public HistoryEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** This entry, naming the ops caller who replayed the submission it applied. */
    public HistoryEntry replayedBy(String opsClientId) {
        return new HistoryEntry(version, at, by, action, submissionId, statusBefore, statusAfter, changes, note,
                message, opsClientId);
    }

    /**
     * This entry as the owning OPD reads it: a reviewer's decision ({@code decisions} names them) without its
     * internal note; every other entry as it is.
     */
    public HistoryEntry forOwner(Set<String> decisions) {
        return note == null || !decisions.contains(action) ? this : new HistoryEntry(version, at, by, action,
                submissionId, statusBefore, statusAfter, changes, null, message, replayedBy);
    }

    /**
     * One field's change.
     *
     * @param field the record field
     * @param from  its value before (null when unset)
     * @param to    its value after (null when removed)
     */
    public record FieldChange(String field, String from, String to) {
    }
}
