package id.go.bangka.inovasi.submission.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The idempotency records in MongoDB: one per (caller, key), claimed atomically by its {@code _id}. */
@Component
public class IdempotencyStore {

    private final MongoTemplate mongo;
    private final IntakeProperties properties;

    public IdempotencyStore(MongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Creates the TTL index that expires records (real MongoDB enforces it; the stand-in accepts it). */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        mongo.indexOps(IdempotencyRecord.class).createIndex(new Index().on("receivedAt", Sort.Direction.ASC)
                .expire(properties.idempotencyTtl()).named("receivedAt_ttl"));
    }

    /**
     * Stores the record unless one exists for its id.
     *
     * @return the record that is stored now: the candidate, or the earlier one
     */
    public IdempotencyRecord claim(IdempotencyRecord candidate) {
        try {
            return mongo.insert(candidate);
        } catch (DuplicateKeyException e) {
            return find(candidate.submissionId()).orElseThrow(() -> e);
        }
    }

    public Optional<IdempotencyRecord> find(UUID submissionId) {
        return Optional.ofNullable(mongo.findById(submissionId, IdempotencyRecord.class));
    }

    /** Records the broker's acknowledgement. */
    public void markSent(UUID submissionId, Instant sentAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(submissionId).and("sentAt").is(null)),
                Update.update("sentAt", sentAt), IdempotencyRecord.class);
    }
}
