package id.go.bangka.inovasi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.PlatformAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaClientSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformAutoConfiguration.class))
            .withPropertyValues("inovasi.identity.secret=0123456789abcdef0123456789abcdef",
                    "spring.application.name=a-service",
                    "spring.kafka.bootstrap-servers=broker-1:9093",
                    "spring.kafka.security.protocol=SASL_SSL",
                    "spring.kafka.ssl.trust-store-type=PKCS12",
                    "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                    "spring.kafka.consumer.group-id=the-binding-group");

    @Test
    void everyKindOfClientGetsTheSecurityAndCommonPropertiesSetOnceUnderSpringKafka() {
        context.run(app -> {
            KafkaClientSettings settings = app.getBean(KafkaClientSettings.class);
            for (Map<String, Object> config : new Map[] {settings.groupLessConsumer("c", Map.of()),
                settings.producer("p", Map.of()), settings.admin("a", Map.of())}) {
                assertThat(config)
                        .containsEntry("bootstrap.servers", List.of("broker-1:9093"))
                        .containsEntry("security.protocol", "SASL_SSL")
                        .containsEntry("ssl.truststore.type", "PKCS12")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
            }
        });
    }

    @Test
    void aClientsOwnSettingsComeLastAndAGroupLessConsumerJoinsNoGroup() {
        context.run(app -> {
            Map<String, Object> consumer = app.getBean(KafkaClientSettings.class)
                    .groupLessConsumer("reader", Map.of("max.poll.records", 7));

            assertThat(consumer).containsEntry("client.id", "reader").containsEntry("max.poll.records", 7)
                    .containsEntry("enable.auto.commit", false).doesNotContainKey("group.id");
        });
    }
}
