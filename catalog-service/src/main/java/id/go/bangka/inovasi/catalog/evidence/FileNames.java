package id.go.bangka.inovasi.catalog.evidence;

import java.util.Locale;

/**
 * Safe names for stored files: no directories, no control characters, no invisible format characters (bidi controls
 * would make {@code laporan\u202Eexe.png} show as "laporangnp.exe"), a bounded length, the real extension.
 */
final class FileNames {

    private static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    static String sanitise(String original, FileType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cf}", "").replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").replaceAll("^\\.+", "")
                .strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "bukti";
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH);
        }
        return base + "." + type.name().toLowerCase(Locale.ROOT).replace("jpeg", "jpg");
    }
}
