package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.events.InnovationStatus;
import java.util.Arrays;
import java.util.List;

/** A reviewer's decision and the lifecycle transition it makes (DOMAIN.md). */
public enum Decision {
    REQUEST_REVISION(InnovationStatus.SUBMITTED, InnovationStatus.REVISION_REQUESTED),
    VERIFY(InnovationStatus.SUBMITTED, InnovationStatus.VERIFIED),
    PUBLISH(InnovationStatus.VERIFIED, InnovationStatus.PUBLISHED),
    ARCHIVE(InnovationStatus.PUBLISHED, InnovationStatus.ARCHIVED);

    private final InnovationStatus from;
    private final InnovationStatus to;

    Decision(InnovationStatus from, InnovationStatus to) {
        this.from = from;
        this.to = to;
    }

    public InnovationStatus from() {
        return from;
    }

    public InnovationStatus to() {
        return to;
    }

    /** The decisions possible in a status. */
    public static List<Decision> allowedIn(InnovationStatus status) {
        return Arrays.stream(values()).filter(d -> d.from == status).toList();
    }
}
