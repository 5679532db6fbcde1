package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index's visibility, versions, facets, orders, highlights, suggestions and similar innovations. */
class LuceneSearchIndexTest {

    private static final CallerIdentity PUBLIC = CallerIdentity.anonymous("t");
    private static final CallerIdentity REVIEWER = new CallerIdentity("bappeda", Set.of("reviewer"), Set.of(), "t");
    private static final CallerIdentity PORTAL =
            new CallerIdentity("portal-pkm", Set.of("portal"), Set.of("PKM-SUNGAILIAT"), "t");
    private static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");

    private LuceneSearchIndex index;
    private final Map<UUID, InnovationChanged.Content> shown = new HashMap<>();
    private final UUID posyandu = UUID.randomUUID();
    private final UUID lansia = UUID.randomUUID();
    private final UUID draft = UUID.randomUUID();
    private final UUID sampah = UUID.randomUUID();

    @BeforeEach
    void index() throws Exception {
        // Searchable only at each test's refresh(): no refresh in the background while a test runs.
        index = new LuceneSearchIndex(new SearchProperties(null, Duration.ofHours(1), 16, null, null));
        apply(QualitySet.snapshot(posyandu, 1, InnovationStatus.PUBLISHED, "PKM-SUNGAILIAT",
                InnovationField.HEALTH, "Posyandu Remaja <Sehat> & Ceria",
                "Deteksi dini kesehatan jiwa remaja. Kader sebaya mendampingi.", DAY));
        apply(QualitySet.snapshot(lansia, 1, InnovationStatus.PUBLISHED, "PKM-BELINYU",
                InnovationField.HEALTH, "Posyandu Lansia", "Senam dan pemeriksaan tekanan darah lansia.",
                DAY.plusSeconds(60)));
        apply(QualitySet.snapshot(draft, 1, InnovationStatus.SUBMITTED, "PKM-SUNGAILIAT",
                InnovationField.HEALTH, "Posyandu Remaja Daring", "Konseling remaja lewat aplikasi.",
                DAY.plusSeconds(120)));
        apply(QualitySet.snapshot(sampah, 1, InnovationStatus.PUBLISHED, "DLH", InnovationField.ENVIRONMENT,
                "Bank Sampah Digital", "Tabungan sampah warga; posyandu menjadi titik setor.", DAY.plusSeconds(180)));
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.destroy();
    }

    @Test
    void eachCallerSeesWhatItMaySee() {
        assertThat(ids(search("posyandu", PUBLIC, CatalogSort.RELEVANCE))).containsExactlyInAnyOrder(posyandu,
                lansia, sampah);
        assertThat(ids(search("posyandu", PORTAL, CatalogSort.RELEVANCE))).contains(draft).hasSize(4);
        assertThat(ids(search("posyandu", REVIEWER, CatalogSort.RELEVANCE))).hasSize(4);
        assertThat(ids(search("posyandu", new CallerIdentity("portal-x", Set.of("portal"), Set.of("DLH"), "t"),
                CatalogSort.RELEVANCE))).doesNotContain(draft);
    }

    @Test
    void aTitleMatchRanksAboveAPassingMentionAndHighlightsAreEscaped() {
        SearchHits hits = search("posyandu", PUBLIC, CatalogSort.RELEVANCE);

        assertThat(ids(hits).get(2)).isEqualTo(sampah);
        assertThat(highlight(hits, posyandu).title())
                .isEqualTo("<mark>Posyandu</mark> Remaja &lt;Sehat&gt; &amp; Ceria");
        assertThat(highlight(hits, sampah).title()).isEqualTo("Bank Sampah Digital");
        assertThat(highlight(hits, sampah).text())
                .isEqualTo("Tabungan sampah warga; <mark>posyandu</mark> menjadi titik setor.");
    }

    @Test
    void highlightsMarkTheShownTextsWithTheWordsATypoMatched() {
        SearchHits hits = search("posyndu", PUBLIC, CatalogSort.RELEVANCE);
        InnovationChanged.Content newer = new InnovationChanged.Content("Posyandu Lansia Sehat", null,
                "Senam bersama di posyandu.", null, null, null, null);

        assertThat(hits.highlighter().highlight(lansia, newer))
                .isEqualTo(new Highlight("<mark>Posyandu</mark> Lansia Sehat",
                        "Senam bersama di <mark>posyandu</mark>."));
        assertThat(hits.highlighter().highlight(lansia, new InnovationChanged.Content("Posyandu Lansia", null, null,
                null, null, null, null)).text()).isNull();
    }

    @Test
    void aTypoFoundInATitleWordIsMarkedInTheTitleWhereItsStemDiffers() {
        UUID izin = UUID.randomUUID();
        apply(QualitySet.snapshot(izin, 1, InnovationStatus.PUBLISHED, "DPMPTSP", InnovationField.GOVERNANCE,
                "Pelayanan Perizinan Terpadu", "Izin usaha dalam sehari.", DAY));
        index.refresh();

        SearchHits hits = search("perizinn", PUBLIC, CatalogSort.RELEVANCE);

        assertThat(hits.ids()).containsExactly(izin);
        assertThat(highlight(hits, izin).title()).isEqualTo("Pelayanan <mark>Perizinan</mark> Terpadu");
    }

    @Test
    void anOlderVersionChangesNothingAndANewerOneReplaces() {
        index.apply(QualitySet.snapshot(lansia, 3, InnovationStatus.ARCHIVED, "PKM-BELINYU", InnovationField.HEALTH,
                "Posyandu Lansia", "Senam.", DAY.plusSeconds(60)));
        index.apply(QualitySet.snapshot(lansia, 2, InnovationStatus.PUBLISHED, "PKM-BELINYU", InnovationField.HEALTH,
                "Posyandu Lansia", "Senam.", DAY.plusSeconds(60)));
        index.refresh();

        assertThat(ids(search("lansia", PUBLIC, CatalogSort.RELEVANCE))).isEmpty();
        assertThat(search(null, REVIEWER, CatalogSort.NEWEST).total()).isEqualTo(4);
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void facetsCountTheMatchesAndOrdersSortThem() {
        SearchHits all = index.search(new SearchQuery(filter(null), REVIEWER, CatalogSort.NEWEST, 0, 2, true));

        assertThat(all.total()).isEqualTo(4);
        assertThat(ids(all)).containsExactly(sampah, draft);
        assertThat(all.facets().get("field")).isEqualTo(Map.of("HEALTH", 3L, "ENVIRONMENT", 1L));
        assertThat(all.facets().get("status")).isEqualTo(Map.of("PUBLISHED", 3L, "SUBMITTED", 1L));
        assertThat(all.facets().get("opdCode")).containsEntry("PKM-SUNGAILIAT", 2L);
        assertThat(all.facets().get("year")).isEqualTo(Map.of("2024", 4L));
        assertThat(all.facets()).containsKeys("stage", "kind", "form", "source", "programme");
        assertThat(all.facets().get("governmentAffair")).isEqualTo(Map.of("HEALTH", 3L, "ENVIRONMENT", 1L));
        CatalogFilter environment = new CatalogFilter(null, null, null, null, null, null, null, null, null, null,
                null, null, GovernmentAffair.ENVIRONMENT);
        assertThat(ids(index.search(new SearchQuery(environment, PUBLIC, CatalogSort.NEWEST, 0, 20, false))))
                .containsExactly(sampah);
        assertThat(ids(index.search(new SearchQuery(filter(null), REVIEWER, CatalogSort.NEWEST, 2, 2, false))))
                .containsExactly(lansia, posyandu);
        assertThat(ids(search(null, PUBLIC, CatalogSort.TITLE))).containsExactly(sampah, lansia, posyandu);
        assertThat(ids(search(null, PUBLIC, CatalogSort.OLDEST))).containsExactly(posyandu, lansia, sampah);
        assertThat(search(null, PUBLIC, CatalogSort.RELEVANCE).highlighter()).isSameAs(Highlighter.NONE);
    }

    @Test
    void equalKeysAreOrderedByIdAsTheirTextSortsInPagesAndInTheFullList() {
        List<UUID> inTextOrder = List.of(UUID.fromString("0a35fa8c-a7cc-4854-4c97-e17abedbfbef"),
                UUID.fromString("0a35fa8c-a7cc-4854-ac97-e17abedbfbef"),
                UUID.fromString("df2bec6f-f013-4446-84f3-635444fc696d"));
        for (UUID id : List.of(inTextOrder.get(2), inTextOrder.get(1), inTextOrder.get(0))) {
            apply(QualitySet.snapshot(id, 1, InnovationStatus.PUBLISHED, "DISKOMINFO", InnovationField.GOVERNANCE,
                    "Sama", "Tiga inovasi pada detik yang sama.", DAY.plusSeconds(600)));
        }
        index.refresh();
        CatalogFilter sameOpd = new CatalogFilter(null, null, "DISKOMINFO", null, null, null, null, null, null, null,
                null, null, null);

        for (CatalogSort sort : List.of(CatalogSort.OLDEST, CatalogSort.NEWEST, CatalogSort.TITLE)) {
            assertThat(ids(index.search(new SearchQuery(sameOpd, PUBLIC, sort, 0, 20, false)))).as(sort.name())
                    .containsExactlyElementsOf(inTextOrder);
            assertThat(index.matching(sameOpd, PUBLIC, sort)).as(sort.name()).containsExactlyElementsOf(inTextOrder);
        }
    }

    @Test
    void theFullListHasEveryVisibleMatchInThePagesOrder() {
        assertThat(index.matching(filter("posyandu"), PUBLIC, CatalogSort.RELEVANCE))
                .containsExactlyElementsOf(ids(search("posyandu", PUBLIC, CatalogSort.RELEVANCE)))
                .containsExactlyInAnyOrder(posyandu, lansia, sampah);
        assertThat(index.matching(filter(null), REVIEWER, CatalogSort.OLDEST))
                .containsExactly(posyandu, lansia, draft, sampah);
        assertThat(index.matching(filter("lumbung"), REVIEWER, CatalogSort.NEWEST)).isEmpty();
    }

    @Test
    void itIsRebuiltOnceTheStartUpRebuildEnds() {
        assertThat(index.rebuilt()).isFalse();
        index.beginRebuild();
        assertThat(index.rebuilt()).isFalse();
        index.endRebuild();
        assertThat(index.rebuilt()).isTrue();
    }

    @Test
    void suggestionsCompleteTitlesWithinWhatTheCallerSees() {
        assertThat(index.suggest("posyandu rem", PUBLIC, 8)).extracting(Suggestion::id).containsExactly(posyandu);
        assertThat(index.suggest("Posyandu Rem", PORTAL, 8)).extracting(Suggestion::id)
                .containsExactlyInAnyOrder(posyandu, draft);
        assertThat(index.suggest("posyandu", REVIEWER, 8)).hasSize(3);
        assertThat(index.suggest("bank sampah d", PUBLIC, 8)).extracting(Suggestion::title)
                .containsExactly("Bank Sampah Digital");
        assertThat(index.suggest("  ", PUBLIC, 8)).isEmpty();
    }

    @Test
    void similarInnovationsAreVisibleOthers() {
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6)).first().isEqualTo(lansia);
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6)).doesNotContain(posyandu, draft);
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), REVIEWER, 6)).first().isEqualTo(draft);
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PORTAL, 6)).first().isEqualTo(draft);
        assertThat(index.similar(UUID.randomUUID(), 1, new InnovationChanged.Content("Lumbung Pangan", null,
                "Cadangan beras desa.", null, null, null, null), PUBLIC, 6)).isEmpty();
    }

    @Test
    void similarInnovationsFollowTheTextsGiven() {
        InnovationChanged.Content nowAboutWaste = new InnovationChanged.Content("Bank Sampah Remaja", null,
                "Tabungan sampah warga.", null, null, null, null);

        assertThat(index.similar(lansia, 1, shown.get(lansia), PUBLIC, 6)).first().isEqualTo(posyandu);
        assertThat(index.similar(lansia, 2, nowAboutWaste, PUBLIC, 6)).first().isEqualTo(sampah);
    }

    @Test
    void similarAnswersAreKeptUntilTheIndexChanges() {
        List<UUID> first = index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6);
        assertThat(first).first().isEqualTo(lansia);
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6)).isSameAs(first);
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 5)).isNotSameAs(first).isEqualTo(first);

        UUID alike = UUID.randomUUID();
        apply(QualitySet.snapshot(alike, 1, InnovationStatus.PUBLISHED, "PKM-BELINYU", InnovationField.HEALTH,
                "Posyandu Remaja Ceria", "Deteksi dini kesehatan jiwa remaja.", DAY.plusSeconds(240)));
        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6)).isSameAs(first);
        index.refresh();

        assertThat(index.similar(posyandu, 1, shown.get(posyandu), PUBLIC, 6)).first().isEqualTo(alike);
    }

    @Test
    void noSimilarAnswersAreKeptWhenNoneMayBe() throws Exception {
        LuceneSearchIndex keepingNone = new LuceneSearchIndex(new SearchProperties(null, Duration.ofHours(1), 16, null,
                0));
        try {
            keepingNone.apply(QualitySet.snapshot(lansia, 1, InnovationStatus.PUBLISHED, "PKM-BELINYU",
                    InnovationField.HEALTH, "Posyandu Lansia", "Senam lansia.", DAY));
            keepingNone.apply(QualitySet.snapshot(sampah, 1, InnovationStatus.PUBLISHED, "PKM-BELINYU",
                    InnovationField.HEALTH, "Posyandu Balita", "Senam balita.", DAY));
            keepingNone.refresh();
            List<UUID> first = keepingNone.similar(lansia, 1, shown.get(lansia), PUBLIC, 6);

            assertThat(first).containsExactly(sampah);
            assertThat(keepingNone.similar(lansia, 1, shown.get(lansia), PUBLIC, 6)).isEqualTo(first)
                    .isNotSameAs(first);
        } finally {
            keepingNone.destroy();
        }
    }

    @Test
    void theSimilarAskedForAreTheTopOfTheWholeRankingOnALargeIndexWithTies() {
        String[] words = {"posyandu", "sampah", "remaja", "lansia", "desa", "digital", "pangan", "sekolah"};
        Random random = new Random(20);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            apply(QualitySet.snapshot(id, 1, InnovationStatus.PUBLISHED, "DLH", InnovationField.ENVIRONMENT,
                    words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)],
                    words[random.nextInt(words.length)] + " warga " + words[random.nextInt(words.length)] + ".",
                    DAY.plusSeconds(300 + i)));
        }
        index.refresh();

        for (UUID id : ids.subList(0, 40)) {
            List<UUID> whole = index.similar(id, 1, shown.get(id), PUBLIC, 1_000);
            assertThat(whole).hasSizeGreaterThan(100);
            assertThat(index.similar(id, 1, shown.get(id), PUBLIC, 6)).containsExactlyElementsOf(whole.subList(0, 6));
        }
    }

    private void apply(InnovationChanged snapshot) {
        shown.put(snapshot.innovationId(), snapshot.content());
        index.apply(snapshot);
    }

    private Highlight highlight(SearchHits hits, UUID id) {
        return hits.highlighter().highlight(id, shown.get(id));
    }

    private SearchHits search(String q, CallerIdentity caller, CatalogSort sort) {
        return index.search(new SearchQuery(filter(q), caller, sort, 0, 20, false));
    }

    private static CatalogFilter filter(String q) {
        return CatalogFilter.text(q);
    }

    private static List<UUID> ids(SearchHits hits) {
        return hits.ids();
    }
}
