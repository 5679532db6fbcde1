package id.go.bangka.inovasi.stats;

import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Snapshots of innovations as catalog-service publishes them, for tests and the benchmark. */
public final class Snapshots {

    private Snapshots() {
    }

    /** A snapshot with every field set. */
    public static InnovationChanged full(UUID id, long version, InnovationStatus status, String opdCode,
            InnovationField field, int year, GovernmentAffair affair, Instant submittedAt, Instant verifiedAt,
            Instant publishedAt, InnovationChanged.Scores scores) {
        return new InnovationChanged(id, version, status,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, Instant.now(), "test", null),
                opdCode, field, Stage.IMPLEMENTATION, year, submittedAt, Source.OPD, InnovationForm.PUBLIC_SERVICE,
                InnovationKind.DIGITAL, Programme.INNOVATION_LAB, affair, verifiedAt, publishedAt, scores);
    }

    /** The Kafka record catalog-service would write: keyed by innovationId, CloudEvents headers, JSON value. */
    public static ProducerRecord<String, byte[]> record(InnovationChanged snapshot) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CATALOG,
                snapshot.innovationId().toString(), EventCodec.encode(snapshot));
        record.headers().add(CloudEventHeaders.TYPE, EventTypes.INNOVATION_CHANGED.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID,
                (snapshot.innovationId() + ":" + snapshot.version()).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
