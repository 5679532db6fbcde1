package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search quality against the fixed Indonesian set ({@link QualitySet}): word forms, typos, prefixes and title matches
 * above passing mentions, as the public searches.
 */
class SearchQualityTest {

    private static LuceneSearchIndex index;
    private static Map<UUID, String> keys;

    @BeforeAll
    static void indexTheSet() throws Exception {
        index = new LuceneSearchIndex(new SearchProperties(null, Duration.ofSeconds(10), 16, null, null));
        Map<String, InnovationChanged> set = QualitySet.innovations();
        set.values().forEach(index::apply);
        index.refresh();
        keys = set.entrySet().stream().collect(Collectors.toMap(e -> e.getValue().innovationId(), Map.Entry::getKey));
    }

    @AfterAll
    static void close() throws Exception {
        index.destroy();
    }

    static List<QualitySet.Expectation> queries() {
        return QualitySet.queries();
    }

    @Test
    void theSetIsLargeEnough() {
        assertThat(QualitySet.innovations()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(QualitySet.queries()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theExpectedInnovationsRankAtTheTop(QualitySet.Expectation expectation) {
        List<String> top = ranked(expectation.query());

        if (expectation.firstIsExact()) {
            assertThat(top).as(expectation.query()).first().isEqualTo(expectation.expected().get(0));
        }
        assertThat(top.subList(0, Math.min(top.size(), expectation.expected().size()))).as(expectation.query())
                .containsExactlyInAnyOrderElementsOf(expectation.expected());
    }

    @Test
    void aDraftIsNotFoundByThePublic() {
        assertThat(ranked("konseling jiwa remaja daring")).doesNotContain("draft-jiwa");
    }

    private static List<String> ranked(String q) {
        CatalogFilter filter = CatalogFilter.text(q);
        return index.search(new SearchQuery(filter, CallerIdentity.anonymous("t"), CatalogSort.RELEVANCE, 0, 10,
                false)).ids().stream().map(keys::get).toList();
    }
}
