package id.go.bangka.inovasi.catalog.snapshot;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Carries the trace of a change to a snapshot published later by the sweeper: when a publish fails, the W3C
 * {@code traceparent} of the change is stored with the pending innovation ({@value #FIELD}); the sweeper publishes
 * inside an observation ({@value #OBSERVATION}) continuing that trace, so the snapshot record still belongs to the
 * request that made the change.
 */
@Component
public class SnapshotTraces {

    static final String FIELD = "snapshotTraceparent";
    static final String OBSERVATION = "inovasi.snapshot.republish";
    private static final String TRACEPARENT = "traceparent";

    private final MongoTemplate mongo;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final ObservationRegistry observations;

    public SnapshotTraces(MongoTemplate mongo, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObservationRegistry observations) {
        this.mongo = mongo;
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** Stores the current trace with the innovation's pending version, if there is a current trace. */
    void remember(Innovation innovation) {
        Tracer current = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        TraceContext context = current == null ? null : current.currentTraceContext().context();
        if (context == null || propagation == null) {
            return;
        }
        Map<String, String> carrier = new HashMap<>();
        propagation.inject(context, carrier, Map::put);
        if (carrier.containsKey(TRACEPARENT)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(innovation.id()).and("version")
                    .is(innovation.version())), Update.update(FIELD, carrier.get(TRACEPARENT)), Innovation.class);
        }
    }

    /**
     * Runs the publish of a pending innovation in an observation continuing its stored trace (a receiver context over
     * the stored {@code traceparent}, so the sweeper's own scheduled-task observation is not the parent), or as it is
     * without one.
     */
    boolean continuing(UUID innovationId, BooleanSupplier publish) {
        String traceparent = tracer.getIfAvailable() == null ? null : stored(innovationId);
        if (traceparent == null) {
            return publish.getAsBoolean();
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
        context.setCarrier(Map.of(TRACEPARENT, traceparent));
        return Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("snapshot republish").lowCardinalityKeyValue("trigger", "sweep")
                .observe(publish::getAsBoolean);
    }

    private String stored(UUID innovationId) {
        Query query = Query.query(Criteria.where("_id").is(innovationId));
        query.fields().include(FIELD);
        Document document = mongo.findOne(query, Document.class, mongo.getCollectionName(Innovation.class));
        return document == null ? null : document.getString(FIELD);
    }
}
