package id.go.bangka.inovasi.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSchemasTest {

    @Test
    void encodedSubmissionReceivedWithTheWholeRecordMatchesItsSchema() {
        SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new Caller("portal-dinkes", "portal"), "PKM-BATURUSA", Instant.now(),
                Proposals.full("Soltan: survei PHBS Puskesmas Baturusa", "PKM-BATURUSA", InnovationField.HEALTH, 2022),
                null);

        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, EventCodec.encode(event)))
                .isEmpty();
    }

    @Test
    void encodedInnovationChangedMatchesItsSchema() {
        InnovationChanged event = new InnovationChanged(UUID.randomUUID(), 3, InnovationStatus.SUBMITTED,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, Instant.now(), "portal-dinkes",
                        UUID.randomUUID()),
                "PKM-BATURUSA", InnovationField.HEALTH, Stage.TRIAL, 2022, Instant.now(), Source.OPD,
                InnovationForm.PUBLIC_SERVICE, InnovationKind.DIGITAL, Programme.OTHER, GovernmentAffair.HEALTH, null,
                Instant.now(), new InnovationChanged.Scores("2026", 24, 12, 3, 2),
                new InnovationChanged.Content("Soltan: survei PHBS Puskesmas Baturusa", null, "Rancang bangun",
                        "Tujuan", null, "Hasil", new InnovationProposal.Links("https://video.example/soltan", null,
                                List.of("https://dokumen.example/sk.pdf"))),
                LocalDate.of(2025, 1, 15), 320, List.of(GovernmentAffair.COMMUNICATION));

        assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, EventCodec.encode(event)))
                .isEmpty();
        InnovationChanged read = EventCodec.decode(EventCodec.encode(event), InnovationChanged.class);
        assertThat(read.content()).isEqualTo(event.content());
        assertThat(read.secondaryAffairs()).containsExactly(GovernmentAffair.COMMUNICATION);
    }

    @Test
    void aSnapshotWithoutContentAsPublishedBeforeStillMatchesAndReads() {
        InnovationChanged event = new InnovationChanged(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, Instant.now(), "portal-dinkes", null),
                "PKM-BATURUSA", InnovationField.HEALTH, Stage.TRIAL, 2022, Instant.now(), null, null, null, null,
                null, null, null, null);

        assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, EventCodec.encode(event)))
                .isEmpty();
        InnovationChanged read = EventCodec.decode(EventCodec.encode(event), InnovationChanged.class);
        assertThat(read.content()).isNull();
        assertThat(read.secondaryAffairs()).isNull();
    }

    @Test
    void aSecondaryAffairOutsideTheListIsRefused() {
        String payload = """
                {"innovationId":"%s","version":2,"status":"SUBMITTED","lastChange":{"kind":"SUBMISSION_APPLIED",
                 "at":"2026-01-01T00:00:00Z","by":"p"},"opdCode":"X","field":"HEALTH","stage":"TRIAL","year":2022,
                 "submittedAt":"2026-01-01T00:00:00Z","secondaryAffairs":["HEALTH","ASTROLOGY"]}
                """.formatted(UUID.randomUUID());

        assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, payload.getBytes()))
                .anySatisfy(v -> assertThat(v).contains("secondaryAffairs"));
    }

    @Test
    void contentNeedsATitle() {
        String payload = """
                {"innovationId":"%s","version":2,"status":"SUBMITTED","lastChange":{"kind":"SUBMISSION_APPLIED",
                 "at":"2026-01-01T00:00:00Z","by":"p"},"opdCode":"X","field":"HEALTH","stage":"TRIAL","year":2022,
                 "submittedAt":"2026-01-01T00:00:00Z","content":{"design":"tanpa judul"}}
                """.formatted(UUID.randomUUID());

        assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, payload.getBytes()))
                .anySatisfy(v -> assertThat(v).contains("content"));
    }

    @Test
    void encodedSpdRecordedMatchesItsSchemaAndABadRowIsRefused() {
        SpdRecorded event = new SpdRecorded("2026", 1, List.of(new SpdRecorded.Indicator("10b", 3,
                "https://bappeda.bangka.go.id/iid/kemiskinan.pdf")), Instant.now(), "reviewer-bappeda");
        String bad = """
                {"period":"26","version":1,"recordedAt":"2026-01-01T00:00:00Z","recordedBy":"ops",
                 "indicators":[{"code":"16","parameter":4,"evidence":"https://x.id/a"}]}
                """;

        assertThat(EventSchemaValidator.violations(EventTypes.SPD_RECORDED, EventCodec.encode(event))).isEmpty();
        assertThat(EventSchemaValidator.violations(EventTypes.SPD_RECORDED, bad.getBytes()))
                .anySatisfy(v -> assertThat(v).contains("period"))
                .anySatisfy(v -> assertThat(v).contains("code"))
                .anySatisfy(v -> assertThat(v).contains("parameter"));
    }

    @Test
    void theSchemasOwnExamplesAreValidAndReadableByConsumers() throws IOException {
        for (String type : new String[] {EventTypes.SUBMISSION_RECEIVED, EventTypes.INNOVATION_CHANGED,
            EventTypes.SPD_RECORDED}) {
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream(EventTypes.schemaPath(type))) {
                schema = JsonMapper.builder().build().readTree(in);
            }
            assertThat(schema.get("examples").size()).isPositive();
            for (JsonNode example : schema.get("examples")) {
                byte[] payload = example.toString().getBytes();
                assertThat(EventSchemaValidator.violations(type, payload)).as(type).isEmpty();
                Class<?> record = switch (type) {
                    case EventTypes.SUBMISSION_RECEIVED -> SubmissionReceived.class;
                    case EventTypes.INNOVATION_CHANGED -> InnovationChanged.class;
                    default -> SpdRecorded.class;
                };
                assertThat(EventCodec.decode(payload, record)).isNotNull();
            }
        }
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
        assertThatThrownBy(() -> EventCodec.decode("{\"action\":".getBytes(), SubmissionReceived.class))
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
