package id.go.bangka.inovasi.events;

/** Bidang inovasi: KemenPAN-RB's KIPP categories. */
public enum InnovationField implements Labelled {
    GOVERNANCE("Tata kelola pemerintahan"),
    POVERTY_ALLEVIATION("Penanggulangan kemiskinan"),
    EDUCATION("Pendidikan"),
    HEALTH("Kesehatan"),
    FOOD_SECURITY("Ketahanan pangan"),
    ECONOMIC_GROWTH_AND_EMPLOYMENT("Pertumbuhan ekonomi dan lapangan kerja"),
    COMMUNITY_EMPOWERMENT("Pemberdayaan masyarakat"),
    GENDER_RESPONSIVE_PUBLIC_SERVICE("Pelayanan publik responsif gender"),
    ENVIRONMENT("Lingkungan hidup"),
    LAW_ENFORCEMENT("Penegakan hukum");

    private final String label;

    InnovationField(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
