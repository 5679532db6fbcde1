package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * IID scores of an assessment period: per innovation, and the regency's projection.
 *
 * @param period      the assessment period
 * @param scope       PUBLISHED or ALL
 * @param innovations one page of the innovations' scores, highest verified score first
 * @param regency     the projection over all the counted innovations (not only this page's)
 * @param page        the page number, from 0
 * @param size        the page size
 * @param total       innovations in all pages
 */
public record IidReport(String period, String scope, List<InnovationScore> innovations, Projection regency, int page,
        int size, int total) {

    /**
     * One innovation's scores; null scores when it carries none for the period.
     *
     * @param innovationId           the innovation
     * @param opdCode                its OPD
     * @param status                 its status
     * @param claimed                by the owner's chosen parameters
     * @param verified               by accepted evidence only
     * @param indicatorsWithEvidence indicators the owner gave evidence for
     * @param indicatorsAccepted     indicators whose evidence was accepted
     */
    public record InnovationScore(UUID innovationId, String opdCode, String status, Integer claimed, Integer verified,
            Integer indicatorsWithEvidence, Integer indicatorsAccepted) {
    }

    /**
     * The regency's projected index (see docs/stats.md for the formula and its assumptions).
     *
     * @param innovationsCounted            n: innovations with a counted status
     * @param verifiedSum                   sum of their verified scores
     * @param claimedSum                    sum of their claimed scores
     * @param divisor                       MAX(divisorMinimum, n)
     * @param perInnovationComponent        verifiedSum / divisor
     * @param claimedPerInnovationComponent claimedSum / divisor: what the OPDs' claims would give
     * @param basicServicesCovered          whether every basic-service affair has a counted innovation
     * @param basicServicesMissing          the basic-service affairs without one
     * @param countComponent                min(n, cap) x factor, 0 unless the basic services are covered
     * @param projectedIndex                (per-innovation + count component) / their maximum x 100
     * @param projectedCategory             the period's category of that index
     */
    public record Projection(int innovationsCounted, long verifiedSum, long claimedSum, int divisor,
            BigDecimal perInnovationComponent, BigDecimal claimedPerInnovationComponent,
            boolean basicServicesCovered, List<LabelledCount> basicServicesMissing, BigDecimal countComponent,
            BigDecimal projectedIndex, String projectedCategory) {
    }
}
