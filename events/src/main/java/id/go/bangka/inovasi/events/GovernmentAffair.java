package id.go.bangka.inovasi.events;

/** Urusan pemerintahan (UU 23/2014): the six basic-service affairs first, then the other mandatory and the optional affairs, and the supporting functions. */
public enum GovernmentAffair implements Labelled {
    EDUCATION("Pendidikan"),
    HEALTH("Kesehatan"),
    PUBLIC_WORKS("Pekerjaan umum dan penataan ruang"),
    HOUSING("Perumahan rakyat dan kawasan permukiman"),
    PUBLIC_ORDER("Ketenteraman, ketertiban umum, dan pelindungan masyarakat"),
    SOCIAL("Sosial"),
    LABOUR("Tenaga kerja"),
    WOMEN_EMPOWERMENT("Pemberdayaan perempuan dan pelindungan anak"),
    FOOD("Pangan"),
    LAND("Pertanahan"),
    ENVIRONMENT("Lingkungan hidup"),
    CIVIL_REGISTRATION("Administrasi kependudukan dan pencatatan sipil"),
    VILLAGE_EMPOWERMENT("Pemberdayaan masyarakat dan desa"),
    POPULATION_CONTROL("Pengendalian penduduk dan keluarga berencana"),
    TRANSPORT("Perhubungan"),
    COMMUNICATION("Komunikasi dan informatika"),
    COOPERATIVES("Koperasi, usaha kecil, dan menengah"),
    INVESTMENT("Penanaman modal"),
    YOUTH_AND_SPORT("Kepemudaan dan olahraga"),
    STATISTICS("Statistik"),
    CRYPTOGRAPHY("Persandian"),
    CULTURE("Kebudayaan"),
    LIBRARY("Perpustakaan"),
    ARCHIVES("Kearsipan"),
    MARINE_AND_FISHERIES("Kelautan dan perikanan"),
    TOURISM("Pariwisata"),
    AGRICULTURE("Pertanian"),
    FORESTRY("Kehutanan"),
    ENERGY_AND_MINERALS("Energi dan sumber daya mineral"),
    TRADE("Perdagangan"),
    INDUSTRY("Perindustrian"),
    TRANSMIGRATION("Transmigrasi"),
    PLANNING("Perencanaan"),
    FINANCE("Keuangan"),
    STAFFING("Kepegawaian"),
    RESEARCH_AND_DEVELOPMENT("Penelitian dan pengembangan"),
    SUPERVISION("Pengawasan"),
    GENERAL_GOVERNMENT("Pemerintahan umum");

    private final String label;

    GovernmentAffair(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether this is one of the six basic-service affairs (pelayanan dasar) the IID count component requires to be
     * covered: education, health, public works, housing, public order, social.
     */
    public boolean basicService() {
        return switch (this) {
            case EDUCATION, HEALTH, PUBLIC_WORKS, HOUSING, PUBLIC_ORDER, SOCIAL -> true;
            default -> false;
        };
    }
}
