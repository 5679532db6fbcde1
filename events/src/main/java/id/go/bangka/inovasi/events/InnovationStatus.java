package id.go.bangka.inovasi.events;

/** Lifecycle of an innovation in the catalogue (DOMAIN.md). */
public enum InnovationStatus implements Labelled {
    SUBMITTED("Diajukan"),
    REVISION_REQUESTED("Perlu revisi"),
    VERIFIED("Terverifikasi"),
    PUBLISHED("Dipublikasikan"),
    ARCHIVED("Diarsipkan"),
    WITHDRAWN("Ditarik");

    private final String label;

    InnovationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
