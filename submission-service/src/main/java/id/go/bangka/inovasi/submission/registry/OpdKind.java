package id.go.bangka.inovasi.submission.registry;

import id.go.bangka.inovasi.events.Labelled;

/** Kind of regional agency (perangkat daerah). */
public enum OpdKind implements Labelled {
    SECRETARIAT("Sekretariat"),
    DINAS("Dinas"),
    BADAN("Badan"),
    KECAMATAN("Kecamatan"),
    PUSKESMAS("Puskesmas"),
    SEKOLAH("Sekolah"),
    OTHER("Lainnya");

    private final String label;

    OpdKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
