package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Innovation documents in MongoDB: single-document atomic writes only (no transactions). {@link #update} is the one
 * path every change takes: it reads the innovation, asks the transition for the next version and replaces the document
 * only if it is still at the version read, retrying a few times when another writer came first. After each write it
 * publishes {@link InnovationWritten} on the writer's thread (the snapshot publisher sends the snapshot then).
 */
@Component
public class InnovationStore {

    /** Reads and replaces tried before an update gives up with 409 (another writer changed it each time). */
    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(InnovationStore.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    public InnovationStore(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** Indexes real MongoDB needs for the catalogue's queries (the stand-in accepts and ignores non-unique ones). */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        var indexes = mongo.indexOps(Innovation.class);
        indexes.createIndex(new Index().on("publishPending", Sort.Direction.ASC).named("publishPending"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC)
                .named("status_submittedAt"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC)
                .named("status_updatedAt"));
        indexes.createIndex(new Index().on("proposal.opdCode", Sort.Direction.ASC)
                .on("proposal.year", Sort.Direction.ASC).named("opdCode_year"));
        indexes.createIndex(new Index().on("titleKey", Sort.Direction.ASC).unique().named("titleKey_unique"));
        indexes.createIndex(new Index().on("appliedSubmissions", Sort.Direction.ASC).named("appliedSubmissions"));
    }

    public Optional<Innovation> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id, Innovation.class));
    }

    /** The innovation with only these fields (and the id) read, such as {@link InnovationView#FIELDS}. */
    public Optional<Innovation> find(UUID id, String... fields) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include(fields);
        return Optional.ofNullable(mongo.findOne(query, Innovation.class));
    }

    /** The innovation a submission was applied to; its outcome is in the innovation's history. */
    public Optional<Innovation> findBySubmission(UUID submissionId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("appliedSubmissions").is(submissionId)),
                Innovation.class));
    }

    /**
     * Inserts a new innovation.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the id or the title key exists
     */
    public Innovation insert(Innovation innovation) {
        Innovation inserted = mongo.insert(innovation);
        events.publishEvent(new InnovationWritten(inserted));
        return inserted;
    }

    /**
     * Changes an innovation: reads it, applies {@code transition} and replaces the document if it is still at the
     * version read; on a conflict reads again and applies the transition to what it finds, up to {@value #ATTEMPTS}
     * times. A refused transition, or a missing innovation (a refusal {@code NOT_FOUND} without {@code current}), is
     * returned as it is and writes nothing.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the new title is taken in its OPD and year
     * @throws ApiProblem (409) when another writer came first {@value #ATTEMPTS} times
     */
    public Transition update(UUID id, Function<Innovation, Transition> transition) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Innovation current = mongo.findById(id, Innovation.class);
            if (current == null) {
                return Transition.refused(null, Refusal.Code.NOT_FOUND, "no innovation " + id);
            }
            Transition result = transition.apply(current);
            if (!result.made()) {
                return result;
            }
            if (mongo.findAndReplace(atVersion(id, current.version()), result.next()) != null) {
                events.publishEvent(new InnovationWritten(result.next()));
                return result;
            }
            log.debug("Innovation {} changed while updating it; trying again", id);
        }
        throw new ApiProblem(HttpStatus.CONFLICT, "Busy", "The innovation kept changing; try again.");
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

    /**
     * Records that the snapshot of {@code version} is out, unless a newer version was written meanwhile: true when
     * {@code version} is still the stored one (one conditional update, whose match says so), false when it is not.
     */
    public boolean markPublished(UUID id, long version) {
        return mongo.updateFirst(atVersion(id, version),
                new Update().set("publishedVersion", version).set("publishPending", false), Innovation.class)
                .getMatchedCount() > 0;
    }

    /**
     * Marks the snapshot of {@code version} as to be published again, unless a newer version was written meanwhile
     * (whose write marked it so already): true when {@code version} is still the stored one.
     */
    public boolean markPending(UUID id, long version) {
        return mongo.updateFirst(atVersion(id, version),
                Update.update("publishPending", true), Innovation.class).getMatchedCount() > 0;
    }

    /** The innovation, only while {@code version} is its stored one: what every conditional write matches. */
    private static Query atVersion(UUID id, long version) {
        return Query.query(Criteria.where("_id").is(id).and("version").is(version));
    }

    /** Marks every innovation's snapshot as to be published again; returns how many. */
    public long markAllUnpublished() {
        return mongo.updateMulti(new Query(), Update.update("publishPending", true), Innovation.class)
                .getModifiedCount();
    }

    /** Ids of innovations whose latest snapshot is not yet out. */
    public List<UUID> unpublished(int limit) {
        Query query = Query.query(Criteria.where("publishPending").is(true)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, Innovation.COLLECTION).stream()
                .map(d -> d.get("_id", UUID.class)).toList();
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

    /**
     * The innovations with these ids, in the order of the ids; ids without a record are left out. With {@code fields}
     * given, only those fields (and the id) are read.
     */
    public List<Innovation> findAll(List<UUID> ids, String... fields) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        if (fields.length > 0) {
            query.fields().include(fields);
        }
        Map<UUID, Innovation> byId = new HashMap<>();
        mongo.find(query, Innovation.class).forEach(i -> byId.put(i.id(), i));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), Innovation.class);
    }

    /** How many matching innovations hold each value of a field (values held by none are absent). */
    public Map<String, Long> countBy(Criteria criteria, String path) {
        TypedAggregation<Innovation> counting = Aggregation.newAggregation(Innovation.class,
                Aggregation.match(criteria), Aggregation.group(path).count().as("count"));
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(counting, Document.class).forEach(group ->
                counts.put(String.valueOf(group.get("_id")), ((Number) group.get("count")).longValue()));
        return counts;
    }
}
