package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import java.time.Instant;
import java.util.List;
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
        String withdrawalReason) {

    public static final String COLLECTION = "innovations";

    /** The uniqueness key of a title: the same for titles that differ only in case and spacing. */
    public static String titleKey(InnovationProposal proposal) {
        return proposal.opdCode() + "|" + proposal.year() + "|"
                + proposal.title().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String opdCode() {
        return proposal.opdCode();
    }

    /** The snapshot of this version, with only what statistics need. */
    public InnovationChanged toSnapshot() {
        return new InnovationChanged(id, version, status, lastChange, proposal.opdCode(), proposal.field(),
                proposal.stage(), proposal.year(), submittedAt, proposal.source(), proposal.form(), proposal.kind(),
                proposal.programme(), proposal.governmentAffair());
    }
}
