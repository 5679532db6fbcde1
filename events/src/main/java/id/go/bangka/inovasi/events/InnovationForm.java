package id.go.bangka.inovasi.events;

/** Bentuk inovasi daerah. */
public enum InnovationForm implements Labelled {
    GOVERNANCE("Inovasi tata kelola pemerintahan daerah"),
    PUBLIC_SERVICE("Inovasi pelayanan publik"),
    OTHER_AFFAIR("Inovasi daerah lainnya sesuai urusan pemerintahan");

    private final String label;

    InnovationForm(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
