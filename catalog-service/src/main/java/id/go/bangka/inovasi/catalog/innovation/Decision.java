package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationStatus;
import java.util.Arrays;
import java.util.List;

/** A reviewer's decision: one of the lifecycle's reviewer actions ({@link Lifecycle}). */
public enum Decision {
    REQUEST_REVISION(Lifecycle.Action.REQUEST_REVISION),
    VERIFY(Lifecycle.Action.VERIFY),
    PUBLISH(Lifecycle.Action.PUBLISH),
    ARCHIVE(Lifecycle.Action.ARCHIVE);

    private final Lifecycle.Action action;

    Decision(Lifecycle.Action action) {
        this.action = action;
    }

    public Lifecycle.Action action() {
        return action;
    }

    /** The decisions possible in a status. */
    public static List<Decision> allowedIn(InnovationStatus status) {
        return Arrays.stream(values()).filter(d -> Lifecycle.next(status, d.action).isPresent()).toList();
    }
}
