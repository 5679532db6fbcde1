package id.go.bangka.inovasi.events;

/** Jenis inovasi. */
public enum InnovationKind implements Labelled {
    DIGITAL("Digital"),
    NON_DIGITAL("Non digital");

    private final String label;

    InnovationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
