package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Explains a projection by the same formula as {@link IidCalculator}: what would raise the index and by how much
 * (new innovations in uncovered basic-service affairs, the claims accepted) and each OPD's part of it. It reads the
 * projection's counts (innovations counted, affairs covered), so it follows however the calculator counts them.
 */
public final class IidExplanation {

    private static final int EXACT = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IidExplanation() {
    }

    /** What would raise the index, highest gain first. */
    public static List<IidImprovement> improvements(IidPeriod period, IidReport.Projection projection) {
        int n = projection.innovationsCounted();
        BigDecimal average = n == 0 ? BigDecimal.ZERO : divide(BigDecimal.valueOf(projection.verifiedSum()), n);
        BigDecimal today = points(period, n, BigDecimal.valueOf(projection.verifiedSum()),
                projection.basicServicesCovered());
        List<IidImprovement> found = new ArrayList<>();
        int lacking = projection.basicServicesRequired() - projection.basicServicesCovered();
        List<LabelledCount> missing = projection.basicServicesMissing();
        if (lacking > 1 && missing.size() >= lacking) {
            found.add(new IidImprovement(IidImprovement.EARN_COUNT_SCORE, missing, lacking, shown(average),
                    gain(period, today, n + lacking, projection, average.multiply(BigDecimal.valueOf(lacking)),
                            lacking), true));
        }
        for (LabelledCount affair : missing) {
            found.add(new IidImprovement(IidImprovement.COVER_AFFAIR, List.of(affair), 1, shown(average),
                    gain(period, today, n + 1, projection, average, 1), lacking == 1));
        }
        long unverified = projection.claimedSum() - projection.verifiedSum();
        if (unverified > 0) {
            found.add(new IidImprovement(IidImprovement.VERIFY_CLAIMS, List.of(), 0, null,
                    shown(points(period, divide(BigDecimal.valueOf(unverified), projection.divisor()))), false));
        }
        found.sort(Comparator.comparing(IidImprovement::indexGain).reversed());
        return found;
    }

    /**
     * Each OPD's part of the index, largest first.
     *
     * @param counted the innovations with one of the period's counted statuses, as given to the calculator
     */
    public static List<OpdContribution> contributions(String periodName, IidPeriod period,
            List<InnovationFacts> counted, IidReport.Projection projection) {
        IidPeriod.Eligibility eligibility = period.eligibility();
        Map<String, long[]> byOpd = new TreeMap<>();
        for (InnovationFacts f : counted) {
            if (eligibility.inWindow(f) && eligibility.designLongEnough(f)) {
                long[] tally = byOpd.computeIfAbsent(String.valueOf(f.opdCode()), code -> new long[2]);
                tally[0]++;
                tally[1] += f.scoredIn(periodName) ? f.verified() : 0;
            }
        }
        int n = projection.innovationsCounted();
        BigDecimal count = countScore(period, n, projection.basicServicesCovered());
        List<OpdContribution> parts = new ArrayList<>();
        byOpd.forEach((code, tally) -> {
            BigDecimal share = n == 0 ? BigDecimal.ZERO : divide(count.multiply(BigDecimal.valueOf(tally[0])), n);
            BigDecimal part = divide(BigDecimal.valueOf(tally[1]), projection.divisor()).add(share);
            parts.add(new OpdContribution(code, (int) tally[0], tally[1], shown(points(period, part))));
        });
        parts.sort(Comparator.comparing(OpdContribution::indexPoints).reversed()
                .thenComparing(OpdContribution::opdCode));
        return parts;
    }

    /** The gain of adding innovations (with these extra verified points) that each cover one uncovered affair. */
    private static BigDecimal gain(IidPeriod period, BigDecimal today, int innovations, IidReport.Projection projection,
            BigDecimal addedScores, int affairsAdded) {
        BigDecimal after = points(period, innovations,
                BigDecimal.valueOf(projection.verifiedSum()).add(addedScores),
                projection.basicServicesCovered() + affairsAdded);
        return shown(after.subtract(today));
    }

    /** The innovations' part plus the count score, in index points (the SPD adds the same before and after). */
    private static BigDecimal points(IidPeriod period, int innovations, BigDecimal verifiedSum, int covered) {
        int divisor = Math.max(period.divisorMinimum(), innovations);
        return points(period, divide(verifiedSum, divisor).add(countScore(period, innovations, covered)));
    }

    private static BigDecimal countScore(IidPeriod period, int innovations, int covered) {
        return covered >= period.basicServiceAffairsRequired()
                ? period.countFactor().multiply(BigDecimal.valueOf(Math.min(innovations, period.countCap())))
                : BigDecimal.ZERO;
    }

    private static BigDecimal points(IidPeriod period, BigDecimal total) {
        return divide(total.multiply(HUNDRED), period.totalMaximum());
    }

    private static BigDecimal divide(BigDecimal value, int by) {
        return value.divide(BigDecimal.valueOf(by), EXACT, RoundingMode.HALF_UP);
    }

    private static BigDecimal shown(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
