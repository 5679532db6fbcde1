package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.util.UUID;

/** An innovation as the API shows it: no internal bookkeeping. */
public record InnovationView(UUID id, long version, InnovationStatus status, String title, String opdCode,
        InnovationField field, Stage stage, int year, Instant submittedAt, Instant updatedAt) {

    static InnovationView of(Innovation i) {
        return new InnovationView(i.id(), i.version(), i.status(), i.title(), i.opdCode(), i.field(), i.stage(),
                i.year(), i.submittedAt(), i.updatedAt());
    }
}
