package id.go.bangka.inovasi.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * The small list of words that name the same thing in the catalogue: an abbreviation and the words it stands for. A
 * query word also matches its synonyms, a little below the word itself.
 */
final class Synonyms {

    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("dukcapil", List.of("kependudukan", "pencatatan sipil")),
            Map.entry("kependudukan", List.of("dukcapil", "ktp")),
            Map.entry("ktp", List.of("kependudukan", "dukcapil")),
            Map.entry("kk", List.of("kartu keluarga")),
            Map.entry("phbs", List.of("perilaku hidup bersih dan sehat")),
            Map.entry("umkm", List.of("usaha kecil", "pelaku usaha")),
            Map.entry("pirt", List.of("pangan industri rumah tangga")),
            Map.entry("bumdes", List.of("badan usaha milik desa")),
            Map.entry("asn", List.of("aparatur sipil negara", "pegawai")),
            Map.entry("damkar", List.of("pemadam kebakaran")),
            Map.entry("lansia", List.of("lanjut usia")),
            Map.entry("kb", List.of("keluarga berencana")),
            Map.entry("perizinan", List.of("izin")),
            Map.entry("daring", List.of("online")),
            Map.entry("online", List.of("daring")));

    private Synonyms() {
    }

    /** The synonyms of a word as written (lower case); empty when it has none. */
    static List<String> of(String word) {
        return WORDS.getOrDefault(word, List.of());
    }
}
