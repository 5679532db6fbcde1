package id.go.bangka.inovasi.events;

/** Inisiator inovasi. */
public enum InitiatorType implements Labelled {
    REGIONAL_HEAD("Kepala daerah"),
    DPRD_MEMBER("Anggota DPRD"),
    OPD("Perangkat daerah"),
    CIVIL_SERVANT("ASN"),
    COMMUNITY("Masyarakat");

    private final String label;

    InitiatorType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
