package id.go.bangka.inovasi.events;

/** Kafka topic names of the platform. A breaking change of a payload is a new topic version, published side by side. */
public final class Topics {

    /** Intake to catalogue: every accepted submission, keyed by innovationId. */
    public static final String SUBMISSIONS = "inovasi.submissions.v1";

    /** Dead letters of {@link #SUBMISSIONS}: records the catalogue could not apply, with the error in headers. */
    public static final String SUBMISSIONS_DEAD_LETTERS = "inovasi.submissions.v1.dlt";

    /** Catalogue snapshots, compacted, keyed by innovationId: the latest state of every innovation. */
    public static final String CATALOG = "inovasi.catalog.v1";

    /** The regency's own IID score (SPD) per assessment period, compacted, keyed by period. */
    public static final String ASSESSMENTS = "inovasi.assessments.v1";

    /** Partition count of every topic; the catalogue scales by replicas up to this number. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }
}
