package id.go.bangka.inovasi.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The one way a service builds the configuration of a Kafka client it creates itself (a consumer that joins no group,
 * a producer, an admin client): Boot's {@code spring.kafka.*} properties first, so bootstrap servers, SSL, SASL and
 * {@code spring.kafka.properties.*} apply to it as to the binder's clients, then the client's own settings.
 */
public class KafkaClientSettings {

    private final KafkaProperties kafka;

    public KafkaClientSettings(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** A consumer that joins no consumer group (it assigns partitions itself and commits nothing). */
    public Map<String, Object> groupLessConsumer(String clientId, Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return withOwn(config, clientId, own);
    }

    public Map<String, Object> producer(String clientId, Map<String, ?> own) {
        return withOwn(new HashMap<>(kafka.buildProducerProperties()), clientId, own);
    }

    public Map<String, Object> admin(String clientId, Map<String, ?> own) {
        return withOwn(new HashMap<>(kafka.buildAdminProperties()), clientId, own);
    }

    private static Map<String, Object> withOwn(Map<String, Object> config, String clientId, Map<String, ?> own) {
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.putAll(own);
        return Map.copyOf(config);
    }
}
