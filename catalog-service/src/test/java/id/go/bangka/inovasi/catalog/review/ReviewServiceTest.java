package id.go.bangka.inovasi.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationLifecycleTest;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Refusal;
import id.go.bangka.inovasi.catalog.innovation.Transition;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How a decision's transition or refusal becomes the API's answer, without MongoDB. */
class ReviewServiceTest {

    private static final CallerIdentity REVIEWER = new CallerIdentity("bappeda", Set.of(Roles.REVIEWER), Set.of(),
            "r-1");

    private final InnovationStore store = mock(InnovationStore.class);
    private final ReviewService reviews = new ReviewService(store);

    @Test
    void aLegalDecisionReturnsTheNextVersion() {
        Innovation current = holding(InnovationStatus.VERIFIED);

        Innovation published = reviews.decide(REVIEWER, current.id(), 3L, new ReviewRequest(Decision.PUBLISH, "", " "));

        assertThat(published.status()).isEqualTo(InnovationStatus.PUBLISHED);
        assertThat(published.history().get(published.history().size() - 1)).satisfies(entry -> {
            assertThat(entry.note()).isNull();
            assertThat(entry.message()).isNull();
        });
    }

    @Test
    void theOwningOpdReadsTheMessageButNotTheInternalNote() {
        Innovation current = holding(InnovationStatus.SUBMITTED);
        Innovation asked = reviews.decide(REVIEWER, current.id(), 3L, new ReviewRequest(Decision.REQUEST_REVISION,
                " Lengkapi video ", "Cek SK ke bagian hukum"));
        Innovation withdrawn = InnovationLifecycleTest.in(InnovationStatus.SUBMITTED).withdraw(
                current.opdCode(), 3L, "Program dihentikan", new InnovationChanged.LastChange(
                        ChangeKind.SUBMISSION_APPLIED, asked.updatedAt(), "portal", UUID.randomUUID())).next();
        CallerIdentity owner = new CallerIdentity("portal", Set.of(Roles.PORTAL), Set.of(current.opdCode()), "r-3");

        HistoryEntry decision = asked.history().get(asked.history().size() - 1);
        assertThat(ReviewService.visibleTo(REVIEWER, asked.history())).last().satisfies(entry -> {
            assertThat(entry.message()).isEqualTo("Lengkapi video");
            assertThat(entry.note()).isEqualTo("Cek SK ke bagian hukum");
        });
        assertThat(ReviewService.visibleTo(owner, asked.history())).last().satisfies(entry -> {
            assertThat(entry.message()).isEqualTo("Lengkapi video");
            assertThat(entry.note()).isNull();
            assertThat(entry.version()).isEqualTo(decision.version());
        });
        assertThat(ReviewService.visibleTo(owner, withdrawn.history())).last()
                .satisfies(entry -> assertThat(entry.note()).isEqualTo("Program dihentikan"));
    }

    @Test
    void anIllegalDecisionIs409WithTheAllowedOnesAndAStaleVersion412() {
        Innovation current = holding(InnovationStatus.SUBMITTED);

        ApiProblem illegal = catchThrowableOfType(ApiProblem.class, () -> reviews.decide(REVIEWER, current.id(), null,
                new ReviewRequest(Decision.ARCHIVE, null, null)));
        assertThat(illegal.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(illegal.toProblemDetail().getProperties()).containsEntry("allowed",
                List.of(Decision.REQUEST_REVISION, Decision.VERIFY)).containsEntry("status", InnovationStatus.SUBMITTED);
        ApiProblem stale = catchThrowableOfType(ApiProblem.class, () -> reviews.decide(REVIEWER, current.id(), 7L,
                new ReviewRequest(Decision.VERIFY, null, null)));
        assertThat(stale.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.toProblemDetail().getProperties()).containsEntry("version", 3L);
    }

    @Test
    void aMissingInnovationIs404AndOnlyReviewersDecide() {
        UUID missing = UUID.randomUUID();
        when(store.update(eq(missing), any())).thenReturn(Transition.refused(null, Refusal.Code.NOT_FOUND, "none"));

        assertThat(catchThrowableOfType(ApiProblem.class, () -> reviews.decide(REVIEWER, missing, null,
                new ReviewRequest(Decision.VERIFY, null, null))).status()).isEqualTo(HttpStatus.NOT_FOUND);
        CallerIdentity portal = new CallerIdentity("portal-dinkes", Set.of(Roles.PORTAL), Set.of("DINKES"), "r-2");
        assertThat(catchThrowableOfType(ApiProblem.class, () -> reviews.decide(portal, missing, null,
                new ReviewRequest(Decision.VERIFY, null, null))).status()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private Innovation holding(InnovationStatus status) {
        Innovation current = InnovationLifecycleTest.in(status);
        doAnswer(call -> ((Function<Innovation, Transition>) call.getArgument(1)).apply(current)).when(store)
                .update(eq(current.id()), any());
        return current;
    }
}
