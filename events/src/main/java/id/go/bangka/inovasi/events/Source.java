package id.go.bangka.inovasi.events;

/** Who produced the innovation (asal inovasi). */
public enum Source implements Labelled {
    OPD("Perangkat daerah"),
    STUDENT("Pelajar"),
    PUBLIC("Masyarakat umum");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
