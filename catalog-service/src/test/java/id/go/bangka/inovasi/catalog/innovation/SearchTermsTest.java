package id.go.bangka.inovasi.catalog.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void wordsAndTheirDerivationsShareATerm() {
        assertThat(SearchTerms.analyze("Pelayanan")).isEqualTo(SearchTerms.analyze("layanan"));
        assertThat(SearchTerms.analyze("kesehatan")).isEqualTo(SearchTerms.analyze("sehat"));
        assertThat(SearchTerms.analyze("Pemberdayaan")).isEqualTo(SearchTerms.analyze("berdaya"));
    }

    @Test
    void stopWordsAndCaseDoNotCount() {
        assertThat(SearchTerms.analyze("yang dan di")).isEmpty();
        assertThat(SearchTerms.analyze("PELAYANAN yang Cepat")).containsExactlyElementsOf(
                SearchTerms.analyze("pelayanan cepat"));
    }
}
