package id.go.bangka.inovasi.events;

/** Tahapan inovasi. */
public enum Stage implements Labelled {
    INITIATIVE("Inisiatif"),
    TRIAL("Uji coba"),
    IMPLEMENTATION("Penerapan");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
