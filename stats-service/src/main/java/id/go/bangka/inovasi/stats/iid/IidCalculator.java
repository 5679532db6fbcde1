package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The regency's projected IID from the innovations' verified scores, by the rules of one period:
 * <pre>
 * perInnovationComponent = sum(verified) / MAX(divisorMinimum, n)
 * countComponent         = min(n, countCap) x countFactor, or 0 unless every basic-service affair is covered
 * projectedIndex         = (perInnovationComponent + countComponent)
 *                          / (perInnovationMaximum + countCap x countFactor) x 100
 * </pre>
 * Components are rounded to two decimals, half up, before they are added.
 */
public final class IidCalculator {

    private IidCalculator() {
    }

    /** The projection over the innovations the period counts; {@code innovations} must already be filtered. */
    public static IidReport.Projection project(String periodName, IidPeriod period, List<InnovationFacts> innovations) {
        int n = innovations.size();
        long verifiedSum = 0;
        long claimedSum = 0;
        Set<GovernmentAffair> covered = EnumSet.noneOf(GovernmentAffair.class);
        for (InnovationFacts f : innovations) {
            if (f.scoredIn(periodName)) {
                verifiedSum += f.verified();
                claimedSum += f.claimed();
            }
            if (f.affair() != null) {
                covered.add(f.affair());
            }
        }
        List<LabelledCount> missing = Arrays.stream(GovernmentAffair.values())
                .filter(a -> a.basicService() && !covered.contains(a)).map(a -> LabelledCount.of(a, 0, null)).toList();
        int divisor = Math.max(period.divisorMinimum(), n);
        BigDecimal perInnovation = divide(BigDecimal.valueOf(verifiedSum), BigDecimal.valueOf(divisor));
        BigDecimal claimed = divide(BigDecimal.valueOf(claimedSum), BigDecimal.valueOf(divisor));
        BigDecimal count = missing.isEmpty()
                ? scale(period.countFactor().multiply(BigDecimal.valueOf(Math.min(n, period.countCap()))))
                : scale(BigDecimal.ZERO);
        BigDecimal maximum = BigDecimal.valueOf(period.perInnovationMaximum())
                .add(period.countFactor().multiply(BigDecimal.valueOf(period.countCap())));
        BigDecimal index = divide(perInnovation.add(count).multiply(BigDecimal.valueOf(100)), maximum);
        return new IidReport.Projection(n, verifiedSum, claimedSum, divisor, perInnovation, claimed, missing.isEmpty(),
                missing, count, index, category(period, index));
    }

    static String category(IidPeriod period, BigDecimal index) {
        return period.categories().stream().filter(c -> index.compareTo(c.minimum()) >= 0).findFirst()
                .map(IidPeriod.Category::name).orElseThrow();
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
