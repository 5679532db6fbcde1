package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.FacetOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Counts per filter value for the innovations matching a search, in one {@code $facet} aggregation. */
@Component
public class Facets {

    /** Facet name and the document path it counts. */
    static final Map<String, String> DIMENSIONS = dimensions();

    private final MongoTemplate mongo;

    public Facets(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Map<String, Map<String, Long>> count(Criteria criteria) {
        FacetOperation facet = null;
        for (Map.Entry<String, String> dimension : DIMENSIONS.entrySet()) {
            var pipeline = Aggregation.group(dimension.getValue()).count().as("count");
            facet = facet == null ? Aggregation.facet(pipeline).as(dimension.getKey())
                    : facet.and(pipeline).as(dimension.getKey());
        }
        Document result = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria), facet),
                Innovation.class, Document.class).getUniqueMappedResult();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : DIMENSIONS.keySet()) {
            Map<String, Long> counts = new TreeMap<>();
            List<Document> buckets = result == null ? List.of() : result.getList(name, Document.class, List.of());
            for (Document bucket : buckets) {
                Object value = bucket.get("_id");
                if (value != null) {
                    counts.put(value.toString(), ((Number) bucket.get("count")).longValue());
                }
            }
            facets.put(name, counts);
        }
        return facets;
    }

    private static Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("field", "proposal.field");
        dimensions.put("opdCode", "proposal.opdCode");
        dimensions.put("year", "proposal.year");
        dimensions.put("stage", "proposal.stage");
        dimensions.put("kind", "proposal.kind");
        dimensions.put("form", "proposal.form");
        dimensions.put("source", "proposal.source");
        dimensions.put("programme", "proposal.programme");
        dimensions.put("status", "status");
        return dimensions;
    }
}
