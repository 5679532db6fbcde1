package id.go.bangka.inovasi.stats.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakdownCsvTest {

    @Test
    void quotesSeparatorsAndDefusesFormulas() {
        assertThat(BreakdownCsv.escape("Kesehatan")).isEqualTo("Kesehatan");
        assertThat(BreakdownCsv.escape("Koperasi, usaha kecil")).isEqualTo("\"Koperasi, usaha kecil\"");
        assertThat(BreakdownCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(BreakdownCsv.escape("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }
}
