package id.go.bangka.inovasi.catalog.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (status, action) cell of the lifecycle through the aggregate's transitions, without Kafka or MongoDB. */
public class InnovationLifecycleTest {

    private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");
    private static final String OWNER = "DINKES";
    private static final InnovationProposal PROPOSAL = Proposals.full("Soltan: survei PHBS digital", OWNER,
            InnovationField.HEALTH, 2024);
    private static final Function<Map<String, Evidence>, InnovationChanged.Scores> SCORING =
            evidence -> new InnovationChanged.Scores("2026", 4 * evidence.size(), 0, evidence.size(), 0);

    /** The expected table, written out: the status each action leads to, "-" where it is refused. */
    private static final String TABLE = """
            status              REVISE    WITHDRAW  REQUEST_REVISION   VERIFY   PUBLISH   ARCHIVE  CHANGE_EVIDENCE     VERIFY_EVIDENCE
            SUBMITTED           SUBMITTED WITHDRAWN REVISION_REQUESTED VERIFIED -         -        SUBMITTED           SUBMITTED
            REVISION_REQUESTED  SUBMITTED WITHDRAWN -                  -        -         -        REVISION_REQUESTED  REVISION_REQUESTED
            VERIFIED            -         WITHDRAWN -                  -        PUBLISHED -        VERIFIED            VERIFIED
            PUBLISHED           -         WITHDRAWN -                  -        -         ARCHIVED PUBLISHED           PUBLISHED
            ARCHIVED            -         -         -                  -        -         -        -                   -
            WITHDRAWN           -         -         -                  -        -         -        -                   -
            """;

    static Stream<Arguments> cells() {
        List<String[]> rows = TABLE.lines().map(l -> l.trim().split("\\s+")).toList();
        String[] actions = rows.get(0);
        List<Arguments> cells = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            for (int i = 1; i < actions.length; i++) {
                cells.add(Arguments.of(InnovationStatus.valueOf(row[0]), Lifecycle.Action.valueOf(actions[i]),
                        row[i].equals("-") ? null : InnovationStatus.valueOf(row[i])));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @MethodSource("cells")
    void everyActionInEveryStatusLeadsWhereTheTableSays(InnovationStatus status, Lifecycle.Action action,
            InnovationStatus expected) {
        Innovation current = in(status);
        Transition result = act(current, action);

        assertThat(result.current()).isSameAs(current);
        if (expected == null) {
            assertThat(result.made()).isFalse();
            assertThat(result.refusal().code()).isEqualTo(Refusal.Code.INVALID_STATE);
            assertThat(result.refusal().detail()).contains(status.name());
        } else {
            assertThat(result.refusal()).isNull();
            assertThat(result.next().status()).isEqualTo(expected);
            assertThat(result.next().version()).isEqualTo(current.version() + 1);
            assertThat(result.next().publishPending()).isTrue();
            assertThat(result.next().history()).hasSize(current.history().size() + 1);
            assertThat(result.next().history().get(current.history().size()).statusBefore()).isEqualTo(status.name());
        }
        assertThat(Lifecycle.next(status, action)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void theRefusalsOfASubmissionComeInTheirOrderWithTheirReasons() {
        Innovation submitted = in(InnovationStatus.SUBMITTED);
        UUID applied = submitted.appliedSubmissions().get(0);

        assertThat(submitted.revise(OWNER, 3, PROPOSAL, change(applied)).refusal().code())
                .isEqualTo(Refusal.Code.ALREADY_APPLIED);
        assertThat(submitted.revise("DINSOS", 3, PROPOSAL, change(UUID.randomUUID())).refusal().reason())
                .isEqualTo("FORBIDDEN: innovation " + submitted.id() + " belongs to OPD DINKES, not DINSOS");
        assertThat(in(InnovationStatus.VERIFIED).revise(OWNER, 1, PROPOSAL, change(UUID.randomUUID())).refusal()
                .reason()).isEqualTo("INVALID_STATE: a REVISE is not possible in status VERIFIED; it is possible in "
                + "[SUBMITTED, REVISION_REQUESTED]");
        assertThat(in(InnovationStatus.ARCHIVED).withdraw(OWNER, 3, "x", change(UUID.randomUUID())).refusal()
                .reason()).endsWith("it is possible in [SUBMITTED, REVISION_REQUESTED, VERIFIED, PUBLISHED]");
        assertThat(submitted.withdraw(OWNER, 2, "x", change(UUID.randomUUID())).refusal().reason())
                .isEqualTo("CONFLICT: the submission was based on version 2 but the current version is 3");
    }

    @Test
    void anAppliedSubmissionsOutcomeIsInTheVersionItWrites() {
        UUID submission = UUID.randomUUID();
        InnovationProposal revised = Proposals.full("Soltan 2", OWNER, InnovationField.HEALTH, 2024);

        Innovation next = in(InnovationStatus.REVISION_REQUESTED).revise(OWNER, 3, revised, change(submission)).next();

        assertThat(next.hasApplied(submission)).isTrue();
        assertThat(next.history().get(next.history().size() - 1)).satisfies(entry -> {
            assertThat(entry.submissionId()).isEqualTo(submission);
            assertThat(entry.version()).isEqualTo(4);
            assertThat(entry.by()).isEqualTo("portal-dinkes");
            assertThat(entry.action()).isEqualTo("REVISE");
        });
        assertThat(next.titleKey()).isEqualTo(Innovation.titleKey(revised));
    }

    @Test
    void aWithdrawalFreesTheTitleAndKeepsItsReason() {
        Innovation withdrawn = in(InnovationStatus.PUBLISHED).withdraw(OWNER, 3, "Program dihentikan",
                change(UUID.randomUUID())).next();

        assertThat(withdrawn.titleKey()).isEqualTo("withdrawn|" + withdrawn.id());
        assertThat(withdrawn.withdrawalReason()).isEqualTo("Program dihentikan");
    }

    @Test
    void aDecisionNamesTheStatusAndAStaleVersionIsAConflict() {
        Innovation submitted = in(InnovationStatus.SUBMITTED);

        assertThat(submitted.decide(Decision.PUBLISH, null, null, null, review()).refusal().detail())
                .isEqualTo("PUBLISH is not possible while the innovation is SUBMITTED.");
        Transition stale = submitted.decide(Decision.VERIFY, 2L, null, null, review());
        assertThat(stale.refusal().code()).isEqualTo(Refusal.Code.CONFLICT);
        assertThat(stale.refusal().detail()).isEqualTo("The innovation is at version 3, not 2.");
        Innovation verified = submitted.decide(Decision.VERIFY, 3L, "Terima kasih", "Bukti lengkap", review()).next();
        assertThat(verified.verifiedAt()).isEqualTo(AT);
        assertThat(verified.history().get(verified.history().size() - 1)).satisfies(entry -> {
            assertThat(entry.message()).isEqualTo("Terima kasih");
            assertThat(entry.note()).isEqualTo("Bukti lengkap");
        });
        assertThat(Decision.allowedIn(InnovationStatus.SUBMITTED))
                .containsExactly(Decision.REQUEST_REVISION, Decision.VERIFY);
        assertThat(Decision.allowedIn(InnovationStatus.ARCHIVED)).isEmpty();
    }

    @Test
    void evidenceIsScoredAndVerifyingNeedsEvidence() {
        Innovation submitted = in(InnovationStatus.SUBMITTED);
        assertThat(submitted.verifyEvidence("16", Evidence.State.ACCEPTED, null, SCORING, review()).refusal())
                .isEqualTo(new Refusal(Refusal.Code.NOT_FOUND, "Indicator 16 has no evidence to verify."));

        Innovation declared = submitted.changeEvidence(evidence("16", Evidence.State.PENDING), SCORING, review(),
                "EVIDENCE 16").next();
        assertThat(declared.scores().claimed()).as("indicators 35 and 16").isEqualTo(8);
        assertThat(declared.history().get(declared.history().size() - 1).changes())
                .extracting(c -> c.field()).containsExactly("evidence.16.parameter", "evidence.16.links",
                        "evidence.16.files", "evidence.16.state");
        Innovation accepted = declared.verifyEvidence("16", Evidence.State.ACCEPTED, "Sesuai", SCORING, review())
                .next();
        assertThat(accepted.evidence("16").state()).isEqualTo(Evidence.State.ACCEPTED);
        assertThat(accepted.evidence("16").reviewerNote()).isEqualTo("Sesuai");
        assertThat(accepted.history().get(accepted.history().size() - 1).action()).isEqualTo("EVIDENCE_ACCEPTED 16");
    }

    @Test
    void aSnapshotCarriesItsInstantsInWholeMillisecondsAsMongoDbStoresThem() {
        Instant precise = Instant.parse("2026-11-29T08:00:00.123456789Z");
        InnovationChanged.LastChange change = new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION, precise,
                "bappeda", null);
        Innovation verified = in(InnovationStatus.SUBMITTED).decide(Decision.VERIFY, null, null, null, change)
                .next();
        Innovation published = verified.decide(Decision.PUBLISH, null, null, null, change).next();

        InnovationChanged snapshot = new Innovation(published.id(), published.version(), 0, true, published.status(),
                published.titleKey(), published.proposal(), precise, precise, published.lastChange(), List.of(), null,
                published.verifiedAt(), published.publishedAt(), List.of(), Map.of(), null).toSnapshot();

        Instant stored = Instant.parse("2026-11-29T08:00:00.123Z");
        assertThat(snapshot.submittedAt()).isEqualTo(stored);
        assertThat(snapshot.lastChange().at()).isEqualTo(stored);
        assertThat(snapshot.verifiedAt()).isEqualTo(stored);
        assertThat(snapshot.publishedAt()).isEqualTo(stored);
        assertThat(snapshot.lastChange().by()).isEqualTo("bappeda");
        assertThat(snapshot.lastChange().kind()).isEqualTo(ChangeKind.REVIEW_DECISION);
        assertThat(in(InnovationStatus.SUBMITTED).toSnapshot().verifiedAt()).isNull();
    }

    private static Transition act(Innovation current, Lifecycle.Action action) {
        return switch (action) {
            case REVISE -> current.revise(OWNER, current.version(), PROPOSAL, change(UUID.randomUUID()));
            case WITHDRAW -> current.withdraw(OWNER, current.version(), "Program dihentikan",
                    change(UUID.randomUUID()));
            case REQUEST_REVISION, VERIFY, PUBLISH, ARCHIVE -> current.decide(Decision.valueOf(action.name()),
                    current.version(), "pesan", "catatan", review());
            case CHANGE_EVIDENCE -> current.changeEvidence(evidence("16", Evidence.State.PENDING), SCORING, review(),
                    "EVIDENCE 16");
            case VERIFY_EVIDENCE -> current.verifyEvidence("35", Evidence.State.ACCEPTED, null, SCORING, review());
        };
    }

    /** An innovation at version 3 in the given status, with evidence for indicator 35. */
    public static Innovation in(InnovationStatus status) {
        UUID id = UUID.nameUUIDFromBytes(status.name().getBytes());
        UUID created = UUID.nameUUIDFromBytes(("created " + status).getBytes());
        Innovation first = Innovation.created(id, PROPOSAL, AT, change(created));
        return new Innovation(id, 3, 2, false, status, first.titleKey(), PROPOSAL, AT, AT, first.lastChange(),
                first.appliedSubmissions(), null, null, null, first.history(),
                Map.of("35", evidence("35", Evidence.State.PENDING)), null);
    }

    private static Evidence evidence(String indicator, Evidence.State state) {
        return new Evidence(indicator, 2, List.of(), List.of(), state, null, AT, "portal-dinkes");
    }

    private static InnovationChanged.LastChange change(UUID submissionId) {
        return new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, AT, "portal-dinkes", submissionId);
    }

    private static InnovationChanged.LastChange review() {
        return new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION, AT, "bappeda", null);
    }
}
