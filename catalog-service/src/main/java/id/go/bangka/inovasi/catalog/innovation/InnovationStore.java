package id.go.bangka.inovasi.catalog.innovation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Innovation documents in MongoDB: single-document atomic writes only (no transactions). */
@Component
public class InnovationStore {

    private final MongoTemplate mongo;

    public InnovationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Indexes real MongoDB needs for the catalogue's queries (the stand-in accepts and ignores non-unique ones). */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        var indexes = mongo.indexOps(Innovation.class);
        indexes.createIndex(new Index().on("publishPending", Sort.Direction.ASC).named("publishPending"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC)
                .named("status_submittedAt"));
        indexes.createIndex(new Index().on("proposal.opdCode", Sort.Direction.ASC)
                .on("proposal.year", Sort.Direction.ASC).named("opdCode_year"));
        indexes.createIndex(new Index().on("titleKey", Sort.Direction.ASC).unique().named("titleKey_unique"));
        indexes.createIndex(new Index().on("searchTerms", Sort.Direction.ASC).named("searchTerms"));
    }

    public Optional<Innovation> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id, Innovation.class));
    }

    /**
     * Inserts a new innovation.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the id exists
     */
    public Innovation insert(Innovation innovation) {
        return mongo.insert(innovation);
    }

    /**
     * Replaces the innovation if it is still at {@code expectedVersion}.
     *
     * @return whether it was replaced (false: another change came first)
     * @throws org.springframework.dao.DuplicateKeyException when the new title is taken in its OPD and year
     */
    public boolean replace(long expectedVersion, Innovation next) {
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)),
                next) != null;
    }

    /**
     * Whether another innovation already uses this title key. A lookup on the title key alone, which the unique index
     * answers (on the stand-in too; a count or a compound filter would scan the collection there).
     */
    public boolean titleTaken(String titleKey, UUID except) {
        Query query = Query.query(Criteria.where("titleKey").is(titleKey));
        query.fields().include("_id");
        Document holder = mongo.findOne(query, Document.class, Innovation.COLLECTION);
        return holder != null && !holder.get("_id").equals(except);
    }

    /** Records that the snapshot of {@code version} is out, unless a newer version was written meanwhile. */
    public void markPublished(UUID id, long version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(version)),
                new Update().set("publishedVersion", version).set("publishPending", false), Innovation.class);
    }

    /** Marks every innovation's snapshot as to be published again; returns how many. */
    public long markAllUnpublished() {
        return mongo.updateMulti(new Query(), Update.update("publishPending", true), Innovation.class)
                .getModifiedCount();
    }

    /** Innovations whose latest snapshot is not yet out. */
    public List<Innovation> unpublished(int limit) {
        return mongo.find(Query.query(Criteria.where("publishPending").is(true)).limit(limit), Innovation.class);
    }

    /** One page of matching innovations, newest first, and the total count. */
    public List<Innovation> page(Criteria criteria, int page, int size) {
        return page(criteria, page, size, Sort.by(Sort.Direction.DESC, "submittedAt"));
    }

    /** One page in the given order (ties broken by id, so pages never overlap). */
    public List<Innovation> page(Criteria criteria, int page, int size, Sort sort) {
        Query query = Query.query(criteria).with(sort.and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return mongo.find(query, Innovation.class);
    }

    public long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), Innovation.class);
    }
}
