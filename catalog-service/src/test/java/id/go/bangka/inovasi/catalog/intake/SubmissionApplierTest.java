package id.go.bangka.inovasi.catalog.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationLifecycleTest;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Refusal;
import id.go.bangka.inovasi.catalog.innovation.Transition;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The applier's decisions on a store that holds one innovation, without Kafka or MongoDB. */
class SubmissionApplierTest {

    private final InnovationStore store = mock(InnovationStore.class);
    private final SubmissionOutcomes outcomes = mock(SubmissionOutcomes.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SubmissionApplier applier = new SubmissionApplier(store, outcomes, new ApplyMetrics(registry));

    @Test
    void aRevisionIsWrittenWithItsOutcomeAndARedeliveryChangesNothing() {
        Innovation current = holding(InnovationStatus.SUBMITTED);
        SubmissionReceived revision = revision(current, 3, "DINKES");

        applier.apply(revision);
        Innovation written = lastTransition(current).next();
        assertThat(written.version()).isEqualTo(4);
        assertThat(written.hasApplied(revision.submissionId())).isTrue();
        verify(outcomes, never()).rejected(any(), any(), any());

        holding(written);
        applier.apply(revision);
        verify(outcomes, never()).rejected(any(), any(), any());
        assertThat(registry.counter(ApplyMetrics.OUTCOMES, "outcome", "DUPLICATE", "reason", "NONE").count())
                .isEqualTo(1);
        assertThat(registry.counter(ApplyMetrics.OUTCOMES, "outcome", "APPLIED", "reason", "NONE").count())
                .isEqualTo(1);
    }

    @Test
    void aRefusedRevisionIsStoredAsARejection() {
        Innovation current = holding(InnovationStatus.VERIFIED);
        SubmissionReceived revision = revision(current, 3, "DINKES");

        applier.apply(revision);

        ArgumentCaptor<Refusal> refusal = ArgumentCaptor.forClass(Refusal.class);
        verify(outcomes).rejected(eq(revision), refusal.capture(), any());
        assertThat(refusal.getValue().code()).isEqualTo(Refusal.Code.INVALID_STATE);
    }

    @Test
    void aTakenTitleIsADuplicateTitle() {
        Innovation current = holding(InnovationStatus.SUBMITTED);
        when(store.titleTaken(any(), eq(current.id()))).thenReturn(true);
        SubmissionReceived revision = revision(current, 3, "DINKES");

        applier.apply(revision);

        ArgumentCaptor<Refusal> refusal = ArgumentCaptor.forClass(Refusal.class);
        verify(outcomes).rejected(eq(revision), refusal.capture(), any());
        assertThat(refusal.getValue().reason()).startsWith("DUPLICATE_TITLE: OPD DINKES already has");
    }

    private Innovation holding(InnovationStatus status) {
        return holding(InnovationLifecycleTest.in(status));
    }

    @SuppressWarnings("unchecked")
    private Innovation holding(Innovation current) {
        doAnswer(call -> ((Function<Innovation, Transition>) call.getArgument(1)).apply(current)).when(store)
                .update(eq(current.id()), any());
        return current;
    }

    @SuppressWarnings("unchecked")
    private Transition lastTransition(Innovation current) {
        ArgumentCaptor<Function<Innovation, Transition>> transition = ArgumentCaptor.forClass(Function.class);
        verify(store).update(eq(current.id()), transition.capture());
        return transition.getValue().apply(current);
    }

    private static SubmissionReceived revision(Innovation current, long baseVersion, String opdCode) {
        return new SubmissionReceived(UUID.randomUUID(), current.id(), SubmissionAction.REVISE, baseVersion,
                new Caller("portal-" + opdCode, "portal"), opdCode, Instant.now(),
                Proposals.full("Revisi " + UUID.randomUUID(), opdCode, InnovationField.HEALTH, 2024), null);
    }
}
