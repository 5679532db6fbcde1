package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import java.time.Instant;

/**
 * One published innovation as an export row: the public view (the initiator's name only with their consent, never
 * notes, history or bookkeeping) and when it was published.
 *
 * @param view        the innovation as the anonymous public sees it
 * @param publishedAt when it was (last) published
 * @param opdName     the owning OPD's name in the registry, or null when the registry no longer lists its code
 */
public record ExportRow(InnovationView view, Instant publishedAt, String opdName) {

    /** The public row of a published innovation; personal data only where the initiator consented. */
    public static ExportRow of(Innovation innovation, OpdNames opds) {
        return new ExportRow(InnovationView.of(innovation, false), innovation.publishedAt(),
                opds.of(innovation.proposal().opdCode()));
    }
}
