package id.go.bangka.inovasi.catalog.spd;

import id.go.bangka.inovasi.events.SpdRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores the SPD per period, each write one atomic document update that raises the version. */
@Component
public class SpdStore {

    private final MongoTemplate mongo;

    public SpdStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records a period's indicators as its next version. */
    public SpdRecord record(String period, List<SpdRecorded.Indicator> indicators, Instant at, String by) {
        Update update = new Update().inc("version", 1).set("indicators", indicators).set("recordedAt", at)
                .set("recordedBy", by).setOnInsert("publishedVersion", 0L);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(period)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), SpdRecord.class);
    }

    public Optional<SpdRecord> find(String period) {
        return Optional.ofNullable(mongo.findById(period, SpdRecord.class));
    }

    /** Every period's record (a handful: one per assessment period). */
    public List<SpdRecord> all() {
        return mongo.findAll(SpdRecord.class);
    }

    /** Notes that the broker acknowledged a version; an older acknowledgement never lowers it. */
    public void markPublished(String period, long version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(period).and("publishedVersion").lt(version)),
                new Update().set("publishedVersion", version), SpdRecord.class);
    }
}
