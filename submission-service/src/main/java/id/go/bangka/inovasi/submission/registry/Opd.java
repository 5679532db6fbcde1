package id.go.bangka.inovasi.submission.registry;

/**
 * One regional agency of Kabupaten Bangka.
 *
 * @param code the code portals submit with, e.g. {@code DINKES}
 * @param name its official name
 * @param kind dinas, badan, kecamatan, puskesmas, sekolah...
 */
public record Opd(String code, String name, OpdKind kind) {
}
