package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.math.BigDecimal;
import java.util.List;

/**
 * One thing that would raise the regency's index, and by how much (the index's points; the same at both ends of the
 * range when the SPD is not recorded, as the SPD only adds).
 *
 * @param kind              {@value #COVER_AFFAIR}, {@value #EARN_COUNT_SCORE} or {@value #VERIFY_CLAIMS}
 * @param affairs           the uncovered basic-service affairs it is about: the one affair, or every uncovered one
 *                          when any {@code innovationsAdded} of them earn the count score; empty for claims
 * @param innovationsAdded  new counted innovations it assumes, each in one uncovered affair; 0 for claims
 * @param assumedScore      the verified score it assumes of each new innovation: today's average verified score of
 *                          the counted innovations (two decimals); null for claims
 * @param indexGain         what the index would gain, in points (two decimals)
 * @param earnsCountScore   whether it brings the covered affairs to the period's requirement, so that the count
 *                          score (0 today) starts to count
 */
public record IidImprovement(String kind, List<LabelledCount> affairs, int innovationsAdded, BigDecimal assumedScore,
        BigDecimal indexGain, boolean earnsCountScore) {

    /** One new innovation in one uncovered basic-service affair. */
    public static final String COVER_AFFAIR = "COVER_AFFAIR";

    /** As many new innovations, in as many uncovered affairs, as the count score still lacks. */
    public static final String EARN_COUNT_SCORE = "EARN_COUNT_SCORE";

    /** Every claimed score of the counted innovations accepted on evidence. */
    public static final String VERIFY_CLAIMS = "VERIFY_CLAIMS";
}
