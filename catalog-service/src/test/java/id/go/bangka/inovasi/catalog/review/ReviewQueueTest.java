package id.go.bangka.inovasi.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import id.go.bangka.inovasi.catalog.evidence.Indicator;
import id.go.bangka.inovasi.catalog.evidence.IndicatorCatalog;
import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationLifecycleTest;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue's items and counts, by a fixed clock, without MongoDB. */
class ReviewQueueTest {

    private static final CallerIdentity REVIEWER = new CallerIdentity("bappeda", Set.of(Roles.REVIEWER), Set.of(),
            "r-1");
    private static final List<Indicator> PERIOD = List.of(new Indicator("16", "regulation", "Regulasi", 3, true),
            new Indicator("17", "people", "SDM", 2, true), new Indicator("18", "budget", "Anggaran", 2, false),
            new Indicator("35", "video", "Video", 4, true));
    private static final Instant AT = Instant.parse("2026-11-01T08:00:00Z");

    @Test
    void anIndicatorIsEvidencedByALinkOrAFileUnlessRejected() {
        EvidenceCompleteness completeness = EvidenceCompleteness.of(Map.of(
                "16", evidence("16", Evidence.State.ACCEPTED, List.of("https://jdih.bangka.go.id/a.pdf"), List.of()),
                "17", evidence("17", Evidence.State.PENDING, List.of(), List.of()),
                "18", evidence("18", Evidence.State.PENDING, List.of(),
                        List.of(new Evidence.EvidenceFile("f1", "anggaran.pdf", "application/pdf", 10))),
                "35", evidence("35", Evidence.State.REJECTED, List.of("https://youtu.be/x"), List.of())), PERIOD);

        assertThat(completeness).isEqualTo(new EvidenceCompleteness(4, 2, 1, List.of("16", "17", "35"),
                List.of("17", "35")));
        assertThat(EvidenceCompleteness.of(null, PERIOD).mandatoryMissing()).containsExactly("16", "17", "35");
    }

    @Test
    void anItemWaitsWholeDaysSinceItsLastChangeByTheInjectedClock() {
        Innovation submitted = InnovationLifecycleTest.in(InnovationStatus.SUBMITTED);
        InnovationStore store = mock(InnovationStore.class);
        when(store.countBy(any(), any())).thenReturn(Map.of("SUBMITTED", 1L, "PUBLISHED", 4L));
        when(store.page(any(), any(Integer.class), any(Integer.class), any())).thenReturn(List.of(submitted));
        IndicatorCatalog indicators = mock(IndicatorCatalog.class);
        when(indicators.all()).thenReturn(PERIOD);
        Instant now = submitted.updatedAt().plusSeconds(3 * 86_400 - 1);
        ReviewQueue queue = new ReviewQueue(store, mock(SearchIndex.class), indicators,
                Clock.fixed(now, ZoneOffset.UTC));

        InnovationPage<QueueItem> page = queue.page(REVIEWER, new QueueFilter(null, null, null, null, null), 0, 20);

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.facets().get("status")).containsExactly(Map.entry("SUBMITTED", 1L),
                Map.entry("REVISION_REQUESTED", 0L), Map.entry("VERIFIED", 0L), Map.entry("PUBLISHED", 4L),
                Map.entry("ARCHIVED", 0L), Map.entry("WITHDRAWN", 0L));
        QueueItem item = page.items().get(0);
        assertThat(item.waiting()).isEqualTo(new QueueItem.Waiting(submitted.updatedAt(), 2));
        assertThat(item.warnings()).isEqualTo(submitted.proposal().iidWarnings());
        assertThat(item.evidence().mandatoryMissing()).containsExactly("16", "17", "35");
    }

    @Test
    void aTextNothingMatchesAnswersAnEmptyPageWithoutReadingTheStore() {
        InnovationStore store = mock(InnovationStore.class);
        SearchIndex search = mock(SearchIndex.class);
        when(search.matching(any(), any(), any())).thenReturn(List.of());
        ReviewQueue queue = new ReviewQueue(store, search, mock(IndicatorCatalog.class), Clock.fixed(AT,
                ZoneOffset.UTC));

        InnovationPage<QueueItem> page = queue.page(REVIEWER, new QueueFilter(InnovationStatus.VERIFIED, null, null,
                "posyandu", null), 0, 20);

        assertThat(page.total()).isZero();
        assertThat(page.items()).isEmpty();
        assertThat(page.facets().get("status").values()).containsOnly(0L);
        verifyNoInteractions(store);
    }

    private static Evidence evidence(String code, Evidence.State state, List<String> links,
            List<Evidence.EvidenceFile> files) {
        return new Evidence(code, 2, links, files, state, null, AT, "portal-dinkes");
    }
}
