package id.go.bangka.inovasi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void plainTextPasses() {
        assertThat(PlainText.check("/title", "Soltan: survei PHBS digital \uD83D\uDE00", false)).isEmpty();
        assertThat(PlainText.check("/design", "Baris satu\r\nBaris dua\tdengan tab", true)).isEmpty();
        assertThat(PlainText.check("/note", null, true)).isEmpty();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        assertThat(PlainText.check("/title", "\u0000\u001bAplikasi", false)).isPresent();
        assertThat(PlainText.check("/title", "Dua\nbaris", false)).isPresent();
        assertThat(PlainText.check("/note", "hapus\u007f", true)).isPresent();
        assertThat(PlainText.check("/note", "\uD800 sendiri", true).map(FieldError::detail))
                .contains("is not valid Unicode text");
        assertThat(PlainText.check("/note", "akhir \uDC00", true)).isPresent();
    }

    @Test
    void invisibleFormatCharactersAreRefusedByName() {
        assertThat(PlainText.check("/title", "laporan\u202Eexe.png", false).map(FieldError::detail))
                .contains("must not contain invisible formatting characters (found U+202E); remove them and send the "
                        + "text again");
        assertThat(PlainText.check("/design", "isolasi \u2066kanan\u2069", true)).isPresent();
        assertThat(PlainText.check("/title", "tanpa\u200Bspasi", false)).isPresent();
        assertThat(PlainText.check("/title", "\uFEFFJudul", false)).isPresent();
        assertThat(PlainText.check("/title", "Posyandu Remaja \u00e9\u00e8 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", false))
                .as("letters of any script pass").isEmpty();
    }
}
