package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The regency's IID by the rules of one period, every number from the period's data:
 * <pre>
 * innovations' part = sum(verified) / MAX(divisorMinimum, n)
 * count score       = min(n, countCap) x countFactor, or 0 when fewer than basicServiceAffairsRequired are covered
 *                     (by a counted innovation's primary affair, and its secondary ones when secondaryAffairsCount)
 * index             = (SPD + innovations' part + count score) / totalMaximum x 100
 * </pre>
 * Innovations the period's eligibility does not admit (implementation window, design length) are not counted.
 * Only the index is rounded (two decimals, half up); the parts are shown rounded but added exactly. Without a
 * recorded SPD the index is the range for SPD 0 to spdMaximum, with a category only when the whole range lies in one.
 */
public final class IidCalculator {

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IidCalculator() {
    }

    /**
     * The projection over the innovations the period counts.
     *
     * @param reported the innovations with one of the period's counted statuses; those the period's eligibility
     *                 does not admit are left out and counted
     * @param spd      the regency's recorded SPD of the period, or null when none is recorded
     */
    public static IidReport.Projection project(String periodName, IidPeriod period, List<InnovationFacts> reported,
            SpdRecorded spd) {
        IidPeriod.Eligibility eligibility = period.eligibility();
        int outsideWindow = (int) reported.stream().filter(f -> !eligibility.inWindow(f)).count();
        int shortDesign = (int) reported.stream().filter(f -> !eligibility.designLongEnough(f)).count();
        List<InnovationFacts> innovations = reported.stream()
                .filter(f -> eligibility.inWindow(f) && eligibility.designLongEnough(f)).toList();
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
            if (period.secondaryAffairsCount()) {
                covered.addAll(f.secondaryAffairs());
            }
        }
        List<LabelledCount> missing = Arrays.stream(GovernmentAffair.values())
                .filter(a -> a.basicService() && !covered.contains(a)).map(a -> LabelledCount.of(a, 0, null)).toList();
        int basicCovered = (int) Arrays.stream(GovernmentAffair.values())
                .filter(a -> a.basicService() && covered.contains(a)).count();
        boolean countEarned = basicCovered >= period.basicServiceAffairsRequired();
        int divisor = Math.max(period.divisorMinimum(), n);
        BigDecimal count = countEarned
                ? period.countFactor().multiply(BigDecimal.valueOf(Math.min(n, period.countCap())))
                : BigDecimal.ZERO;
        BigDecimal innovationsPart = exact(verifiedSum, divisor);
        IidReport.Spd recorded = spd == null ? null : spd(period, spd);
        BigDecimal low = index(period, recorded == null ? BigDecimal.ZERO : recorded.score(), verifiedSum, divisor,
                count);
        BigDecimal high = recorded == null
                ? index(period, BigDecimal.valueOf(period.spdMaximum()), verifiedSum, divisor, count) : low;
        List<String> possible = possibleCategories(period, low, high);
        String basis = recorded != null ? IidReport.SPD_RECORDED
                : possible.size() == 1 ? IidReport.SPD_UNKNOWN_ONE_CATEGORY : IidReport.SPD_UNKNOWN_RANGE;
        return new IidReport.Projection(n, outsideWindow, shortDesign, verifiedSum, claimedSum, divisor,
                shown(innovationsPart), shown(exact(claimedSum, divisor)), basicCovered, period.basicServiceAffairsRequired(), missing,
                shown(count), recorded, basis, recorded == null ? null : low, low, high,
                possible.size() == 1 ? possible.get(0) : null, possible,
                possible.size() == 1 ? null : String.join(" atau ", possible) + ", tergantung nilai SPD",
                period.spdMaximum(), period.totalMaximum(), period.categories());
    }

    /** The SPD score of a record: weight x parameter per indicator the period knows; codes it does not are listed. */
    static IidReport.Spd spd(IidPeriod period, SpdRecorded spd) {
        BigDecimal score = BigDecimal.ZERO;
        List<String> unknown = new ArrayList<>();
        for (SpdRecorded.Indicator row : spd.indicators()) {
            var indicator = period.spdIndicator(row.code());
            if (indicator.isPresent()) {
                score = score.add(indicator.get().weight().multiply(BigDecimal.valueOf(row.parameter())));
            } else {
                unknown.add(row.code());
            }
        }
        return new IidReport.Spd(score, period.spdMaximum(), spd.indicators().size() - unknown.size(), unknown,
                spd.version(), spd.recordedAt(), spd.recordedBy());
    }

    /** (SPD + sum / divisor + count) / total x 100 as one division: nothing is rounded before the index. */
    private static BigDecimal index(IidPeriod period, BigDecimal spd, long sum, int divisor, BigDecimal count) {
        BigDecimal d = BigDecimal.valueOf(divisor);
        BigDecimal numerator = spd.add(count).multiply(d).add(BigDecimal.valueOf(sum)).multiply(HUNDRED);
        return numerator.divide(BigDecimal.valueOf(period.totalMaximum()).multiply(d), SCALE, RoundingMode.HALF_UP);
    }

    /** The categories an index between low and high can fall in, lowest first. */
    private static List<String> possibleCategories(IidPeriod period, BigDecimal low, BigDecimal high) {
        List<IidPeriod.Category> bands = period.categories();
        List<String> possible = new ArrayList<>();
        for (int i = bands.size() - 1; i >= 0; i--) {
            boolean reachable = high.compareTo(bands.get(i).minimum()) >= 0;
            boolean belowNext = i == 0 || low.compareTo(bands.get(i - 1).minimum()) < 0;
            if (reachable && belowNext) {
                possible.add(bands.get(i).name());
            }
        }
        return possible;
    }

    private static BigDecimal exact(long sum, int divisor) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(divisor), 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal shown(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
