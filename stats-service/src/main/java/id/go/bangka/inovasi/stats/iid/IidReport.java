package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.math.BigDecimal;
import java.time.Instant;
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
 * @param improvements  what would raise the regency's index, and by how much ({@link IidExplanation})
 * @param contributions each OPD's part of the regency's index, largest first
 */
public record IidReport(String period, String scope, List<InnovationScore> innovations, Projection regency, int page,
        int size, int total, List<IidImprovement> improvements, List<OpdContribution> contributions) {

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

    /** The regency's SPD of the period is recorded: the index is one value. */
    public static final String SPD_RECORDED = "SPD_RECORDED";

    /** No SPD recorded, but the index falls in one category whatever the SPD: the category is certain. */
    public static final String SPD_UNKNOWN_ONE_CATEGORY = "SPD_UNKNOWN_ONE_CATEGORY";

    /** No SPD recorded and the range spans categories: no category can be stated. */
    public static final String SPD_UNKNOWN_RANGE = "SPD_UNKNOWN_RANGE";

    /**
     * The regency's index by the period's rules (see docs/stats.md for the formula and its sources).
     *
     * @param innovationsCounted            n: innovations with a counted status that the period admits
     * @param notEligibleWindow             innovations with a counted status implemented outside the period's window
     *                                      (or without an implementation date)
     * @param notEligibleDesign             innovations with a counted status whose design is shorter than the
     *                                      period asks (or of unknown length)
     * @param verifiedSum                   sum of their verified scores
     * @param claimedSum                    sum of their claimed scores
     * @param divisor                       MAX(divisorMinimum, n)
     * @param perInnovationComponent        verifiedSum / divisor, shown to two decimals (added unrounded)
     * @param claimedPerInnovationComponent claimedSum / divisor: what the OPDs' claims would give
     * @param basicServicesCovered          basic-service affairs (of six) with a counted innovation
     * @param basicServicesRequired         how many the period requires for the count score
     * @param basicServicesMissing          the basic-service affairs without one
     * @param countComponent                min(n, cap) x factor, 0 when too few basic services are covered
     * @param spd                           the recorded SPD, null when none is recorded for the period
     * @param basis                         which case applies: {@value #SPD_RECORDED},
     *                                      {@value #SPD_UNKNOWN_ONE_CATEGORY} or {@value #SPD_UNKNOWN_RANGE}
     * @param index                         the index with the recorded SPD; null without one
     * @param indexLow                      the index with the recorded SPD, or with SPD 0 when none is recorded
     * @param indexHigh                     the index with the recorded SPD, or with the SPD maximum
     * @param category                      the category when it is certain, otherwise null
     * @param possibleCategories            the categories the index can be in, lowest first
     * @param uncertainty                   in words, when the category depends on the SPD, e.g. "Kurang Inovatif atau
     *                                      Inovatif, tergantung nilai SPD"; null otherwise
     * @param spdMaximum                    the period's SPD maximum (the range's upper end without a recorded SPD)
     * @param totalMaximum                  the total the index divides by
     * @param thresholds                    the period's categories, highest first
     */
    public record Projection(int innovationsCounted, int notEligibleWindow, int notEligibleDesign, long verifiedSum,
            long claimedSum, int divisor, BigDecimal perInnovationComponent, BigDecimal claimedPerInnovationComponent,
            int basicServicesCovered, int basicServicesRequired, List<LabelledCount> basicServicesMissing,
            BigDecimal countComponent, Spd spd,
            String basis, BigDecimal index, BigDecimal indexLow, BigDecimal indexHigh, String category,
            List<String> possibleCategories, String uncertainty, int spdMaximum, int totalMaximum,
            List<IidPeriod.Category> thresholds) {
    }

    /**
     * The regency's recorded SPD of the period.
     *
     * @param score             sum of weight x parameter over the recorded indicators
     * @param maximum           the period's SPD maximum
     * @param indicatorsCounted recorded indicators the period knows
     * @param unknownIndicators recorded codes the period does not have (not counted)
     * @param version           the record's version
     * @param recordedAt        when it was recorded
     * @param recordedBy        who recorded it
     */
    public record Spd(BigDecimal score, int maximum, int indicatorsCounted, List<String> unknownIndicators,
            long version, Instant recordedAt, String recordedBy) {
    }
}
