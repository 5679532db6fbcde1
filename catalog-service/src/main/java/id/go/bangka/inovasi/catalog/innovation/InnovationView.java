package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InitiatorType;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An innovation as the API shows it: no internal bookkeeping, and the initiator's name only where the initiator
 * consented to publication or the caller is its owner or a reviewer.
 */
public record InnovationView(UUID id, long version, InnovationStatus status, String title, String opdCode,
        Source source, InitiatorType initiatorType, String initiatorName, InnovationField field,
        GovernmentAffair governmentAffair, List<GovernmentAffair> secondaryAffairs, InnovationForm form,
        InnovationKind kind, Stage stage, Programme programme, int year, LocalDate trialDate,
        LocalDate implementationDate, String design, String goals, String benefits, String results,
        InnovationProposal.Links links, Instant submittedAt, Instant updatedAt) {

    /**
     * The stored fields a view and the visibility rules ({@link Visibility}) read, and the primitive ones an
     * {@link Innovation} cannot be made without: reads that answer views fetch only these (with the id), not the
     * history, the evidence and the submissions applied.
     */
    public static final String[] FIELDS = {"version", "publishedVersion", "publishPending", "status", "proposal",
        "submittedAt", "updatedAt"};

    public static InnovationView of(Innovation i, boolean mayReadPersonalData) {
        InnovationProposal p = i.proposal();
        String initiatorName = mayReadPersonalData || p.initiatorNamePublic() ? p.initiatorName() : null;
        return new InnovationView(i.id(), i.version(), i.status(), p.title(), p.opdCode(), p.source(),
                p.initiatorType(), initiatorName, p.field(), p.governmentAffair(), p.secondaryAffairs(), p.form(),
                p.kind(), p.stage(), p.programme(), p.year(), p.trialDate(), p.implementationDate(), p.design(),
                p.goals(), p.benefits(), p.results(), p.links(), i.submittedAt(), i.updatedAt());
    }
}
