package id.go.bangka.inovasi.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.problem.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedRulesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Filter(@OpdCode String opdCode, @ReportingYear String year, @HttpLink String link,
            @Text(max = 10, multiline = true) String note) {
    }

    private static List<FieldError> errors(Filter filter) {
        return ConstraintErrors.of(VALIDATOR, filter);
    }

    @Test
    void opdCodesAreCapitalsDigitsAndHyphens() {
        assertThat(OpdCodes.matches("PKM-BATURUSA")).isTrue();
        assertThat(OpdCodes.matches("dinkes")).isFalse();
        assertThat(OpdCodes.matches("-DINKES")).isFalse();
        assertThat(OpdCodes.matches("D")).isFalse();
        assertThat(errors(new Filter("dinkes", null, null, null))).containsExactly(
                new FieldError("/opdCode", "must be an OPD code such as DINKES", "OpdCode"));
    }

    @Test
    void reportingYearsRunFrom2015ToNextYear() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
        assertThat(ReportingYears.contains(2015, clock)).isTrue();
        assertThat(ReportingYears.contains(2027, clock)).isTrue();
        assertThat(ReportingYears.contains(2014, clock)).isFalse();
        assertThat(ReportingYears.contains(2028, clock)).isFalse();
        assertThat(ReportingYears.message(clock)).isEqualTo("must be between 2015 and 2027");
        assertThat(errors(new Filter(null, "20x5", null, null))).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("must be a whole number between 2015 and"));
        assertThat(errors(new Filter(null, " 2020 ", null, null))).isEmpty();
    }

    @Test
    void linksAreHttpOrHttpsWithAHost() {
        assertThat(HttpLinks.problem("https://soltan.bangka.go.id")).isEmpty();
        assertThat(HttpLinks.problem("HTTP://x.id/a?b=c")).isEmpty();
        assertThat(HttpLinks.problem("ftp://x")).contains("must be an http(s) URL with a host");
        assertThat(HttpLinks.problem("https:///path")).contains("must be an http(s) URL with a host");
        assertThat(HttpLinks.problem("not a url")).contains("is not a well-formed URL");
        assertThat(HttpLinks.problem(" ")).contains("must be an http(s) URL");
        assertThat(HttpLinks.problem("https://x.id/" + "a".repeat(2000))).contains("must be at most 2000 characters");
    }

    @Test
    void textIsPlainAndBounded() {
        assertThat(errors(new Filter(null, null, null, "dua\nbaris"))).isEmpty();
        assertThat(errors(new Filter(null, null, null, "hapus\u001b[2J"))).containsExactly(new FieldError("/note",
                "must not contain control characters other than line breaks and tabs", "Text"));
        assertThat(errors(new Filter(null, null, null, "sebelas huruf"))).containsExactly(
                new FieldError("/note", "must be at most 10 characters", "Text"));
    }
}
