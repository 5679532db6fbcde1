package id.go.bangka.inovasi.catalog.spd;

import id.go.bangka.inovasi.events.SpdRecorded;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The regency's recorded SPD of one period, the system of record ({@code spdScores}, one document per period).
 *
 * @param period           the assessment period, the document id
 * @param version          increases with every recording
 * @param publishedVersion the last version the broker acknowledged on {@code inovasi.assessments.v1}
 * @param indicators       the indicators as recorded
 * @param recordedAt       when this version was recorded
 * @param recordedBy       client id of whoever recorded it
 */
@Document("spdScores")
public record SpdRecord(@Id String period, long version, long publishedVersion, List<SpdRecorded.Indicator> indicators,
        Instant recordedAt, String recordedBy) {

    /** The event of this version. */
    public SpdRecorded toEvent() {
        return new SpdRecorded(period, version, indicators, recordedAt, recordedBy);
    }

    /** Whether the broker has not yet acknowledged this version. */
    public boolean publishPending() {
        return publishedVersion < version;
    }
}
