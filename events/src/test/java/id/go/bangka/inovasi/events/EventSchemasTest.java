package id.go.bangka.inovasi.events;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final InnovationProposal PROPOSAL = new InnovationProposal(
            "Soltan: survei PHBS Puskesmas Baturusa", "PKM-BATURUSA", InnovationField.HEALTH, Stage.IMPLEMENTATION,
            2022);

    @Test
    void encodedSubmissionReceivedMatchesItsSchema() {
        SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new Caller("portal-dinkes", "portal"), "PKM-BATURUSA", Instant.now(),
                PROPOSAL);

        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, EventCodec.encode(event)))
                .isEmpty();
    }

    @Test
    void encodedInnovationChangedMatchesItsSchema() {
        InnovationChanged event = new InnovationChanged(UUID.randomUUID(), 3, InnovationStatus.SUBMITTED,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, Instant.now(), "portal-dinkes",
                        UUID.randomUUID()),
                "PKM-BATURUSA", InnovationField.HEALTH, Stage.TRIAL, 2022, Instant.now());

        assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, EventCodec.encode(event)))
                .isEmpty();
    }

    @Test
    void schemaRejectsACreateWithoutProposalAndABadUuid() {
        String payload = """
                {"submissionId":"not-a-uuid","innovationId":"%s","action":"CREATE","baseVersion":0,
                 "caller":{"clientId":"p","role":"portal"},"opdCode":"X","receivedAt":"2026-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID());

        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, payload.getBytes()))
                .anySatisfy(v -> assertThat(v).contains("submissionId"))
                .anySatisfy(v -> assertThat(v).contains("proposal"));
    }

    @Test
    void decodingGarbageNamesTheType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> EventCodec.decode("{\"action\":".getBytes(), SubmissionReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("SubmissionReceived");
    }

    @Test
    void readersTolerateFieldsAddedLater() {
        UUID id = UUID.randomUUID();
        String payload = """
                {"innovationId":"%s","version":2,"status":"SUBMITTED","opdCode":"X","field":"HEALTH","stage":"TRIAL",
                 "year":2022,"submittedAt":"2026-01-01T00:00:00Z","newField":"later"}
                """.formatted(id);

        assertThat(EventCodec.decode(payload.getBytes(), InnovationChanged.class).innovationId()).isEqualTo(id);
    }
}
