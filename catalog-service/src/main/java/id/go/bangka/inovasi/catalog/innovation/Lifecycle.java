package id.go.bangka.inovasi.catalog.innovation;

import static id.go.bangka.inovasi.events.InnovationStatus.ARCHIVED;
import static id.go.bangka.inovasi.events.InnovationStatus.PUBLISHED;
import static id.go.bangka.inovasi.events.InnovationStatus.REVISION_REQUESTED;
import static id.go.bangka.inovasi.events.InnovationStatus.SUBMITTED;
import static id.go.bangka.inovasi.events.InnovationStatus.VERIFIED;
import static id.go.bangka.inovasi.events.InnovationStatus.WITHDRAWN;

import id.go.bangka.inovasi.events.InnovationStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of DOMAIN.md as one transition table: for each status, the actions it allows and the status each
 * leads to. Whatever is not in the table is refused ({@code INVALID_STATE}). ARCHIVED and WITHDRAWN allow nothing.
 *
 * <pre>
 * status              REVISE     WITHDRAW   REQUEST_REVISION    VERIFY    PUBLISH    ARCHIVE   *_EVIDENCE
 * SUBMITTED           SUBMITTED  WITHDRAWN  REVISION_REQUESTED  VERIFIED  -          -         SUBMITTED
 * REVISION_REQUESTED  SUBMITTED  WITHDRAWN  -                   -         -          -         REVISION_REQUESTED
 * VERIFIED            -          WITHDRAWN  -                   -         PUBLISHED  -         VERIFIED
 * PUBLISHED           -          WITHDRAWN  -                   -         -          ARCHIVED  PUBLISHED
 * ARCHIVED, WITHDRAWN -          -          -                   -         -          -         -
 * </pre>
 */
public final class Lifecycle {

    /** What can be done to an innovation: by its owner (portal) or by reviewers. */
    public enum Action {
        /** The owner submits a new version of the record. */
        REVISE,
        /** The owner withdraws the innovation. */
        WITHDRAW,
        /** A reviewer sends it back to the owner. */
        REQUEST_REVISION,
        /** A reviewer verifies it. */
        VERIFY,
        /** A reviewer publishes it. */
        PUBLISH,
        /** A reviewer archives it. */
        ARCHIVE,
        /** The owner declares evidence or adds or removes a file of it. */
        CHANGE_EVIDENCE,
        /** A reviewer accepts or rejects evidence. */
        VERIFY_EVIDENCE
    }

    private static final Map<InnovationStatus, Map<Action, InnovationStatus>> TABLE = table();

    private Lifecycle() {
    }

    /** The status after {@code action} in {@code status}, or empty when the lifecycle does not allow it. */
    public static Optional<InnovationStatus> next(InnovationStatus status, Action action) {
        return Optional.ofNullable(TABLE.get(status).get(action));
    }

    /** The statuses in which {@code action} is allowed, in lifecycle order. */
    public static List<InnovationStatus> allowing(Action action) {
        return Arrays.stream(InnovationStatus.values()).filter(s -> TABLE.get(s).containsKey(action)).toList();
    }

    private static Map<InnovationStatus, Map<Action, InnovationStatus>> table() {
        Map<InnovationStatus, Map<Action, InnovationStatus>> table = new EnumMap<>(InnovationStatus.class);
        row(table, SUBMITTED, Action.REVISE, SUBMITTED, Action.WITHDRAW, WITHDRAWN,
                Action.REQUEST_REVISION, REVISION_REQUESTED, Action.VERIFY, VERIFIED);
        row(table, REVISION_REQUESTED, Action.REVISE, SUBMITTED, Action.WITHDRAW, WITHDRAWN);
        row(table, VERIFIED, Action.WITHDRAW, WITHDRAWN, Action.PUBLISH, PUBLISHED);
        row(table, PUBLISHED, Action.WITHDRAW, WITHDRAWN, Action.ARCHIVE, ARCHIVED);
        row(table, ARCHIVED);
        row(table, WITHDRAWN);
        return table;
    }

    /** One row: pairs of action and next status; evidence may change in every status that is not closed. */
    private static void row(Map<InnovationStatus, Map<Action, InnovationStatus>> table, InnovationStatus status,
            Object... transitions) {
        Map<Action, InnovationStatus> row = new EnumMap<>(Action.class);
        for (int i = 0; i < transitions.length; i += 2) {
            row.put((Action) transitions[i], (InnovationStatus) transitions[i + 1]);
        }
        if (!row.isEmpty()) {
            row.put(Action.CHANGE_EVIDENCE, status);
            row.put(Action.VERIFY_EVIDENCE, status);
        }
        table.put(status, row);
    }
}
