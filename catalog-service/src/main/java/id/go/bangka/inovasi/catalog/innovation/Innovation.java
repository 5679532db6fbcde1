package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.util.List;
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
 * @param title              nama inovasi
 * @param opdCode            owning agency
 * @param field              bidang
 * @param stage              tahapan
 * @param year               reporting year
 * @param submittedAt        when intake first received it
 * @param updatedAt          last change
 * @param lastChange         what made this version
 * @param appliedSubmissions ids of the submissions applied to it
 */
@Document(Innovation.COLLECTION)
public record Innovation(
        @Id UUID id,
        long version,
        long publishedVersion,
        boolean publishPending,
        InnovationStatus status,
        String title,
        String opdCode,
        InnovationField field,
        Stage stage,
        int year,
        Instant submittedAt,
        Instant updatedAt,
        InnovationChanged.LastChange lastChange,
        List<UUID> appliedSubmissions) {

    public static final String COLLECTION = "innovations";

    /** The snapshot of this version, with only what statistics need. */
    public InnovationChanged toSnapshot() {
        return new InnovationChanged(id, version, status, lastChange, opdCode, field, stage, year, submittedAt);
    }
}
