package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.InnovationStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The IID rules of one assessment period, as data (iid-periods.json).
 *
 * @param source               where the numbers come from, and whether they still need verifying
 * @param perInnovationMaximum the highest score one innovation can reach (indicators 16-35)
 * @param divisorMinimum       the per-innovation component is the sum of scores / MAX(divisorMinimum, n)
 * @param countFactor          points per innovation of the count component
 * @param countCap             innovations counted at most by the count component
 * @param countedStatuses      statuses of the innovations the regency projection counts
 * @param categories           predicates, highest first: the first whose minimum the index reaches applies
 */
public record IidPeriod(String source, int perInnovationMaximum, int divisorMinimum, BigDecimal countFactor,
        int countCap, Set<InnovationStatus> countedStatuses, List<Category> categories) {

    /**
     * A predicate of the regional index.
     *
     * @param name    e.g. Sangat Inovatif
     * @param minimum the lowest index (two decimals) it applies to
     */
    public record Category(String name, BigDecimal minimum) {
    }
}
