package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

/** How a snapshot becomes the index's document. */
class IndexedInnovationTest {

    @Test
    void facetValuesAreWhatLucenesFacetsConfigWouldWrite() throws IOException {
        for (InnovationChanged snapshot : QualitySet.innovations().values()) {
            Document lucenes = new Document();
            facets(snapshot).forEach(f -> lucenes.add(new SortedSetDocValuesFacetField(f[0], f[1])));

            assertThat(facetValues(IndexedInnovation.of(snapshot)))
                    .isEqualTo(facetValues(IndexedInnovation.FACETS_CONFIG.build(lucenes)))
                    .contains(FacetsConfig.pathToString("year", new String[] {Integer.toString(snapshot.year())}))
                    .hasSize(facets(snapshot).size());
        }
    }

    /** The snapshot's facet dimensions that have a value, with it, as the API names them. */
    private static List<String[]> facets(InnovationChanged s) {
        return Arrays.asList(new String[][] {
            {"field", name(s.field())}, {"opdCode", s.opdCode()}, {"year", Integer.toString(s.year())},
            {"stage", name(s.stage())}, {"kind", name(s.kind())}, {"form", name(s.form())},
            {"source", name(s.source())}, {"programme", name(s.programme())}, {"status", name(s.status())},
            {"governmentAffair", name(s.governmentAffair())}}).stream().filter(f -> f[1] != null).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Set<String> facetValues(Document document) {
        Set<String> values = new TreeSet<>();
        for (IndexableField field : document.getFields(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)) {
            values.add(field.binaryValue().utf8ToString());
        }
        return values;
    }
}
