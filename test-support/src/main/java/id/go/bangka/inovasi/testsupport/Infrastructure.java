package id.go.bangka.inovasi.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Kafka and MongoDB for integration tests: in-JVM ({@link EmbeddedInfrastructure}) or containers. */
public interface Infrastructure {

    /** A secret for signed identities, the same for every test of a JVM. */
    String IDENTITY_SECRET = "test-identity-secret-of-at-least-32-characters";

    String kafkaBootstrapServers();

    String mongoUri();

    /** Points a Spring Boot test at this infrastructure. */
    default void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", this::mongoUri);
        registry.add("inovasi.identity.secret", () -> IDENTITY_SECRET);
    }
}
