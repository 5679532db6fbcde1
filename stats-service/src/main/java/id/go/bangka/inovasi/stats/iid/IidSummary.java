package id.go.bangka.inovasi.stats.iid;

import java.util.List;

/**
 * The regency's IID of a period without the innovations' scores: what a dashboard redraws after a change.
 *
 * @param period        the assessment period
 * @param regency       the projection
 * @param improvements  what would raise the index, and by how much
 * @param contributions each OPD's part of the index, largest first
 */
public record IidSummary(String period, IidReport.Projection regency, List<IidImprovement> improvements,
        List<OpdContribution> contributions) {
}
