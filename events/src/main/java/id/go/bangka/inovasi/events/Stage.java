package id.go.bangka.inovasi.events;

/** Tahapan inovasi: inisiatif, uji coba, penerapan. */
public enum Stage {
    INITIATIVE,
    TRIAL,
    IMPLEMENTATION
}
