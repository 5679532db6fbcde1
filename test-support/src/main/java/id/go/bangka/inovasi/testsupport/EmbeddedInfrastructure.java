package id.go.bangka.inovasi.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.standin.MongoStandIns;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, {@link EmbeddedKafkaKraftBroker}) and the MongoDB wire-protocol stand-in
 * ({@link MongoStandIns#inMemory}), each on a random loopback port, started once per JVM ({@link #get()}) or per
 * test ({@link #startNew()}) and stopped when the JVM exits.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static volatile EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();
        // The broker publishes its address as system properties, which the Kafka binder's own context prefers over
        // a test's configuration; clear them so each test decides (a broker-down test points elsewhere).
        System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        System.clearProperty("spring.kafka.bootstrap-servers");
        mongo = MongoStandIns.inMemory(0);
        mongoUri = MongoStandIns.uri(mongo);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    /** Infrastructure of one test alone, for a test whose exact numbers must not see other tests' records. */
    public static EmbeddedInfrastructure startNew() {
        return new EmbeddedInfrastructure();
    }

    /** Stops the broker and the stand-in; idempotent. */
    public synchronized void stop() {
        mongo.shutdownNow();
        kafka.destroy();
    }

    /** The JVM's infrastructure, started on first use. */
    public static EmbeddedInfrastructure get() {
        if (instance == null) {
            synchronized (EmbeddedInfrastructure.class) {
                if (instance == null) {
                    instance = new EmbeddedInfrastructure();
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }
}
