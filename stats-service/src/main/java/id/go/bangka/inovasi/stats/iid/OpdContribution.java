package id.go.bangka.inovasi.stats.iid;

import java.math.BigDecimal;

/**
 * One OPD's part of the regency's index: its counted innovations' verified scores over the divisor, plus its share
 * of the count score (its innovations of those the count score counts), over the total maximum x 100. The OPDs'
 * parts add up to the index less the SPD's part (each shown to two decimals).
 *
 * @param opdCode            the OPD
 * @param innovationsCounted its innovations the period counts
 * @param verifiedSum        their verified scores
 * @param indexPoints        its part of the index, in points (two decimals)
 */
public record OpdContribution(String opdCode, int innovationsCounted, long verifiedSum, BigDecimal indexPoints) {
}
