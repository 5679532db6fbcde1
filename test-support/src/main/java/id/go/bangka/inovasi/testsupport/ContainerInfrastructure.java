package id.go.bangka.inovasi.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real {@code apache/kafka} and {@code mongo} (single-node replica set) containers, once per JVM. Test classes that
 * use it carry {@code @Testcontainers(disabledWithoutDocker = true)}, so they are skipped where no Docker engine runs.
 */
public final class ContainerInfrastructure implements Infrastructure {

    /** Image of the broker: the Kafka version of Spring Boot's BOM. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    /** Image of the database. */
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static volatile ContainerInfrastructure instance;

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

    private ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    /** The JVM's containers, started on first use. */
    public static ContainerInfrastructure get() {
        if (instance == null) {
            synchronized (ContainerInfrastructure.class) {
                if (instance == null) {
                    instance = new ContainerInfrastructure();
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }
}
