package id.go.bangka.inovasi.catalog.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void bidiAndOtherFormatCharactersAreRemovedSoTheNameShowsAsItIs() {
        assertThat(FileNames.sanitise("laporan\u202Eexe.png", FileType.PNG)).isEqualTo("laporanexe.png");
        assertThat(FileNames.sanitise("\u2066surat\u2069 \u200Btugas.pdf", FileType.PDF)).isEqualTo("surat tugas.pdf");
    }

    @Test
    void directoriesControlCharactersAndTheClaimedExtensionAreNotKept() {
        assertThat(FileNames.sanitise("../../etc/passwd\u0000.pdf", FileType.PDF)).isEqualTo("passwd_.pdf");
        assertThat(FileNames.sanitise("C:\\dokumen\\foto.exe", FileType.JPEG)).isEqualTo("foto.jpg");
        assertThat(FileNames.sanitise("\u202E", FileType.PDF)).isEqualTo("bukti.pdf");
    }
}
