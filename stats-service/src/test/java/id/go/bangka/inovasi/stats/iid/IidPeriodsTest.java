package id.go.bangka.inovasi.stats.iid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The period file is the only place the rules live: edit a number there and the result follows, no code change. */
class IidPeriodsTest {

    @TempDir
    Path dir;

    private IidPeriods load(UnaryOperator<String> edit) throws IOException {
        String shipped = new ClassPathResource("iid-periods.json").getContentAsString(StandardCharsets.UTF_8);
        Path file = dir.resolve("iid-periods.json");
        Files.writeString(file, edit.apply(shipped));
        return new IidPeriods(new StatsProperties(null, new FileSystemResource(file), null));
    }

    /** The 2026 period's block of the file, edited. */
    private static UnaryOperator<String> in2026(String from, String to) {
        return json -> {
            int start = json.indexOf("\"2026\"");
            return json.substring(0, start) + json.substring(start).replaceFirst(from, to);
        };
    }

    private static List<InnovationFacts> five() {
        return IidCalculatorTest.fiveBasic("2026");
    }

    @Test
    void theShippedFileCitesASourceForEveryRuleAndItsNumbersAgree() throws IOException {
        IidPeriods periods = load(UnaryOperator.identity());

        for (String name : List.of("2023", "2026")) {
            IidPeriod period = periods.get(name);
            assertThat(period.problems()).as(name).isEmpty();
            assertThat(period.sources()).as(name).containsKeys(IidPeriod.RULES.toArray(String[]::new));
            assertThat(period.spdIndicators()).as(name).hasSize(20);
            assertThat(period.innovationIndicators()).as(name).hasSize(20)
                    .filteredOn(IidPeriod.Indicator::mandatory).extracting(IidPeriod.Indicator::code)
                    .containsExactly("16", "17", "32", "33", "35");
        }
        assertThat(periods.get("2026").innovationIndicators()).extracting(IidPeriod.Indicator::name)
                .contains("Ketersediaan dan peran SDM terhadap inovasi daerah",
                        "Integrasi program dan kegiatan inovasi dalam RKPD", "Video inovasi daerah");
        assertThat(periods.get("2026").sources().get("divisorMinimum")).contains("400.10.11/1887/BSKDN")
                .contains("29 April 2026").contains("Lampiran I");
    }

    @Test
    void theCataloguesIndicatorWeightsAreThePeriodFilesOnes() throws IOException {
        // The catalogue scores innovations with its own copy of indicators 16-35; both must say the same.
        Path catalogue = Path.of("..", "catalog-service", "src", "main", "resources", "iid-indicators.json");
        JsonNode scored = JsonMapper.builder().build().readTree(Files.readString(catalogue)).get("periods");
        IidPeriods periods = load(UnaryOperator.identity());

        assertThat(scored.propertyNames()).isNotEmpty();
        for (String name : scored.propertyNames()) {
            List<String> catalogueRows = new ArrayList<>();
            for (JsonNode i : scored.get(name).get("indicators")) {
                catalogueRows.add(i.get("code").asString() + " " + i.get("name").asString() + " "
                        + i.get("weight").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + i.get("mandatory").asBoolean());
            }
            assertThat(catalogueRows).as(name).containsExactlyElementsOf(periods.get(name).innovationIndicators()
                    .stream().map(i -> i.code() + " " + i.name() + " " + i.weight().stripTrailingZeros()
                            .toPlainString() + " " + i.mandatory()).toList());
        }
    }

    @Test
    void aDifferentDivisorInTheFileChangesTheIndex() throws IOException {
        // shipped 2026: divisor MAX(12, 5) = 12 -> SPD 0: (355 / 12 + 1.90) / 2.5 = 12.59
        // edited to 14: (355 / 14 + 1.90) / 2.5 = (25.35714 + 1.90) / 2.5 = 10.90285 -> 10.90
        IidPeriods edited = load(in2026("\"divisorMinimum\": 12", "\"divisorMinimum\": 14"));

        IidReport.Projection p = IidCalculator.project("2026", edited.get("2026"), five(), null);

        assertThat(p.divisor()).isEqualTo(14);
        assertThat(p.indexLow()).isEqualByComparingTo("10.90");
    }

    @Test
    void aDifferentAffairsRuleOrThresholdInTheFileChangesTheOutcome() throws IOException {
        // five basic-service affairs: with 6 required the count score (1.90) is lost: 29.58333 / 2.5 = 11.83
        IidPeriods sixRequired = load(in2026("\"basicServiceAffairsRequired\": 5", "\"basicServiceAffairsRequired\": 6"));
        // SPD 63 gives 37.79; an Inovatif band from 37.00 makes the category depend on the SPD
        IidPeriods lowerBand = load(in2026("\"minimum\": 40.01", "\"minimum\": 37.00"));

        IidReport.Projection strict = IidCalculator.project("2026", sixRequired.get("2026"), five(), null);
        IidReport.Projection lower = IidCalculator.project("2026", lowerBand.get("2026"), five(), null);

        assertThat(strict.countComponent()).isEqualByComparingTo("0.00");
        assertThat(strict.indexLow()).isEqualByComparingTo("11.83");
        assertThat(lower.category()).isNull();
        assertThat(lower.uncertainty()).isEqualTo("Kurang Inovatif atau Inovatif, tergantung nilai SPD");
    }

    @Test
    void aPeriodWhoseFileCountsSecondaryAffairsCoversTheAffairsInnovationsServeBesideTheirOwn() throws IOException {
        // four innovations in education, health, public works and housing, and one in tourism that also serves
        // public order; verified 80+95+60+70+50 = 355, divisor MAX(12, 5) = 12 -> 29.58333
        // shipped 2026 (primary affairs only): 4 basic-service affairs < 5 -> count 0: 29.58333 / 2.5 = 11.83
        // edited to count secondary affairs: 5 covered -> count 5 x 0.38 = 1.90: 31.48333 / 2.5 = 12.59
        GovernmentAffair[] primary = {GovernmentAffair.EDUCATION, GovernmentAffair.HEALTH,
            GovernmentAffair.PUBLIC_WORKS, GovernmentAffair.HOUSING, GovernmentAffair.TOURISM};
        int[] verified = {80, 95, 60, 70, 50};
        List<InnovationFacts> innovations = new ArrayList<>();
        for (int i = 0; i < primary.length; i++) {
            innovations.add(IidCalculatorTest.innovation(primary[i],
                    i == 4 ? Set.of(GovernmentAffair.PUBLIC_ORDER) : Set.of(), "2026", verified[i], verified[i],
                    LocalDate.of(2025, 1, 15), 320));
        }
        IidPeriods counting = load(in2026("\"secondaryAffairsCount\": false", "\"secondaryAffairsCount\": true"));

        IidReport.Projection shipped = IidCalculator.project("2026", load(UnaryOperator.identity()).get("2026"),
                innovations, null);
        IidReport.Projection edited = IidCalculator.project("2026", counting.get("2026"), innovations, null);

        assertThat(shipped.basicServicesCovered()).isEqualTo(4);
        assertThat(shipped.countComponent()).isEqualByComparingTo("0.00");
        assertThat(shipped.indexLow()).isEqualByComparingTo("11.83");
        assertThat(edited.basicServicesCovered()).isEqualTo(5);
        assertThat(edited.basicServicesMissing()).extracting(LabelledCount::key).containsExactly("SOCIAL");
        assertThat(edited.countComponent()).isEqualByComparingTo("1.90");
        assertThat(edited.indexLow()).isEqualByComparingTo("12.59");
    }

    @Test
    void aFileWhoseNumbersDisagreeOrThatCitesNoSourceStopsTheStart() {
        assertThatThrownBy(() -> load(in2026("\"spdMaximum\": 63", "\"spdMaximum\": 60")))
                .hasMessageContaining("spdMaximum is 60 but its parts add up to 63");
        assertThatThrownBy(() -> load(in2026("\"divisorMinimum\": \"Surat", "\"divisorMinimum\": \"\", \"x\": \"Surat")))
                .hasMessageContaining("no source cited for divisorMinimum");
    }
}
