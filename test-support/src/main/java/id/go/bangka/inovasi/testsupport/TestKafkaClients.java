package id.go.bangka.inovasi.testsupport;

import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import java.util.List;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** {@link KafkaClientSettings} as a service builds them from {@code spring.kafka.*}, for tests without a context. */
public final class TestKafkaClients {

    private TestKafkaClients() {
    }

    /** Settings with only the bootstrap servers. */
    public static KafkaClientSettings settings(String bootstrapServers) {
        return settings(bootstrapServers, Map.of());
    }

    /** Settings with the bootstrap servers and {@code spring.kafka.properties.*} entries. */
    public static KafkaClientSettings settings(String bootstrapServers, Map<String, String> properties) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        kafka.getProperties().putAll(properties);
        return new KafkaClientSettings(kafka);
    }
}
