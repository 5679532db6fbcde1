package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words of a text as the index and the queries analyse them: Indonesian stems, no stop words. */
class IndexQueriesTest {

    @Test
    void wordFormsShareAStem() {
        assertThat(IndexQueries.words("Pelayanan")).isEqualTo(IndexQueries.words("layanan"));
        assertThat(IndexQueries.words("kesehatan")).isEqualTo(IndexQueries.words("sehat"));
        assertThat(IndexQueries.words("Pemberdayaan")).isEqualTo(IndexQueries.words("berdaya"));
    }

    @Test
    void stopWordsAndCaseDoNotCount() {
        assertThat(IndexQueries.words("yang dan di")).isEmpty();
        assertThat(IndexQueries.hasWords("yang dan di")).isFalse();
        assertThat(IndexQueries.hasWords(null)).isFalse();
        assertThat(IndexQueries.words("PELAYANAN yang Cepat")).isEqualTo(IndexQueries.words("pelayanan cepat"));
    }
}
