package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every IID rule of one assessment period, as data (iid-periods.json); {@link #problems()} checks that the numbers
 * agree with each other and that every rule cites its source.
 *
 * @param divisorMinimum              the innovations' part is the sum of their scores / MAX(divisorMinimum, n)
 * @param basicServiceAffairsRequired basic-service affairs (of the six) that must be covered for the count score
 * @param secondaryAffairsCount       whether an innovation's secondary affairs count as covered (the primary
 *                                    always does)
 * @param countFactor                 points per innovation of the count score
 * @param countCap                    innovations the count score counts at most
 * @param spdMaximum                  the regional government's part (indicators 1-15) at most
 * @param innovationsMaximum          one innovation's score (indicators 16-35) at most
 * @param totalMaximum                SPD + innovations' part + count score at most; the index is the total over
 *                                    it x 100
 * @param categories                  predicates, highest first: the first whose minimum the index reaches applies
 * @param eligibility                 which innovations the period admits
 * @param countedStatuses             statuses of the innovations the regency reports
 * @param sources                     per rule (the names of these components) where it comes from
 * @param spdIndicators               indicators 1-15 as the annex names them
 * @param innovationIndicators        indicators 16-35 as the annex names them
 */
public record IidPeriod(int divisorMinimum, int basicServiceAffairsRequired, boolean secondaryAffairsCount,
        BigDecimal countFactor, int countCap, int spdMaximum, int innovationsMaximum, int totalMaximum,
        List<Category> categories, Eligibility eligibility, Set<InnovationStatus> countedStatuses,
        Map<String, String> sources, List<Indicator> spdIndicators, List<Indicator> innovationIndicators) {

    /** The rules that must each cite a source. */
    static final List<String> RULES = List.of("divisorMinimum", "basicServiceAffairsRequired", "secondaryAffairsCount",
            "countFactor", "countCap", "spdMaximum", "innovationsMaximum", "totalMaximum", "categories", "eligibility",
            "countedStatuses", "spdIndicators", "innovationIndicators");

    private static final BigDecimal PARAMETER_MAXIMUM = BigDecimal.valueOf(3);

    /**
     * A predicate of the regional index.
     *
     * @param name    e.g. Sangat Inovatif
     * @param minimum the lowest index (two decimals) it applies to
     */
    public record Category(String name, BigDecimal minimum) {
    }

    /**
     * Which innovations the period admits; a null bound is no bound.
     *
     * @param implementedFrom    implemented on or after
     * @param implementedTo      implemented on or before
     * @param designMinimumWords the design (rancang bangun) has at least this many words
     */
    public record Eligibility(LocalDate implementedFrom, LocalDate implementedTo, Integer designMinimumWords) {

        /** Whether the innovation was implemented within the window; one without a date is not, when there is one. */
        public boolean inWindow(InnovationFacts f) {
            if (implementedFrom == null && implementedTo == null) {
                return true;
            }
            long day = f.implementationDay();
            return day != InnovationFacts.NO_DAY
                    && (implementedFrom == null || day >= implementedFrom.toEpochDay())
                    && (implementedTo == null || day <= implementedTo.toEpochDay());
        }

        /** Whether its design is long enough; one whose length the snapshot does not give is not, when asked. */
        public boolean designLongEnough(InnovationFacts f) {
            return designMinimumWords == null || f.designWords() >= designMinimumWords;
        }
    }

    /**
     * One indicator: a row scores weight x the chosen parameter (1-3).
     *
     * @param code       the annex's number, e.g. "16" or "2a"
     * @param name       the annex's name
     * @param weight     the bobot
     * @param mandatory  whether the annex marks it mandatory
     * @param parameters the annex's text of parameters 1, 2 and 3
     */
    public record Indicator(String code, String name, BigDecimal weight, boolean mandatory, List<String> parameters) {
    }

    /** The highest the count score can be: countCap x countFactor. */
    public BigDecimal countMaximum() {
        return countFactor.multiply(BigDecimal.valueOf(countCap));
    }

    /** The SPD indicator of that code, if the period has it. */
    public Optional<Indicator> spdIndicator(String code) {
        return spdIndicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The category of an index. */
    public String category(BigDecimal index) {
        return categories.stream().filter(c -> index.compareTo(c.minimum()) >= 0).findFirst()
                .map(Category::name).orElseThrow();
    }

    /** What is wrong with the period's data: numbers that disagree, rules without a source; empty when none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        RULES.stream().filter(rule -> sources == null || sources.getOrDefault(rule, "").isBlank())
                .forEach(rule -> problems.add("no source cited for " + rule));
        check(problems, "spdMaximum", spdMaximum, maximum(spdIndicators));
        check(problems, "innovationsMaximum", innovationsMaximum, maximum(innovationIndicators));
        check(problems, "totalMaximum", totalMaximum,
                BigDecimal.valueOf((long) spdMaximum + innovationsMaximum).add(countMaximum()));
        if (basicServiceAffairsRequired < 0 || basicServiceAffairsRequired > 6) {
            problems.add("basicServiceAffairsRequired must be 0 to 6");
        }
        if (categories.isEmpty() || categories.get(categories.size() - 1).minimum().signum() != 0) {
            problems.add("categories must end with one whose minimum is 0");
        }
        for (List<Indicator> indicators : List.of(spdIndicators, innovationIndicators)) {
            indicators.stream().filter(i -> i.parameters().size() != 3)
                    .forEach(i -> problems.add("indicator " + i.code() + " needs the text of parameters 1-3"));
        }
        return problems;
    }

    private static BigDecimal maximum(List<Indicator> indicators) {
        return indicators.stream().map(i -> i.weight().multiply(PARAMETER_MAXIMUM)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static void check(List<String> problems, String rule, int stated, BigDecimal derived) {
        if (BigDecimal.valueOf(stated).compareTo(derived) != 0) {
            problems.add(rule + " is " + stated + " but its parts add up to " + derived.stripTrailingZeros()
                    .toPlainString());
        }
    }
}
