package id.go.bangka.inovasi.events;

/** The programme an innovation came through (program asal). */
public enum Programme implements Labelled {
    INNOVATION_LAB("Laboratorium inovasi"),
    INNOVATION_SCHOOL("Sekolah inovasi"),
    INNOVATION_HUNT("Memburu inovasi"),
    INNOVATION_FORUM("Forum inovasi daerah"),
    BANGKA_INNOVATION_AWARDS("Bangka Innovation Awards"),
    OTHER("Lainnya");

    private final String label;

    Programme(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
