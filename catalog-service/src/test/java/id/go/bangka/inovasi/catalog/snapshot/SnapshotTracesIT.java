package id.go.bangka.inovasi.catalog.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A snapshot whose publish failed keeps the trace of its change until the sweeper publishes it. */
@SpringBootTest(properties = "inovasi.catalog.snapshot-sweep-interval=500ms")
class SnapshotTracesIT {

    @Autowired
    SnapshotTraces traces;

    @Autowired
    Tracer tracer;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @Test
    void theTraceOfAChangeRememberedAtAFailedPublishReachesTheSweptSnapshot() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        InnovationProposal proposal = Proposals.full("Ingat jejak " + id, "DISDIK", InnovationField.EDUCATION, 2021);
        Innovation written = new Innovation(id, 1, 0, false, InnovationStatus.SUBMITTED,
                Innovation.titleKey(proposal), proposal, now, now,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, "portal-DISDIK", null),
                List.of(), null, null, null, List.of(), Map.of(), null);
        mongo.insert(written);
        Span change = tracer.nextSpan().name("change").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(change)) {
            traces.remember(written);
        } finally {
            change.end();
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("publishPending", true),
                Innovation.class);

        ConsumerRecord<String, byte[]> snapshot = TopicProbe.await(
                EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.CATALOG,
                r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicProbe.header(snapshot, "traceparent"))
                .startsWith("00-" + change.context().traceId() + "-");
    }
}
