package id.go.bangka.inovasi.platform.readmodel;

import id.go.bangka.inovasi.platform.PlatformAutoConfiguration;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;

/**
 * The start-up restore, handover, catch-up readiness ({@code readModel}) and rebuild metrics of the service's
 * {@link ReadModelFeed}, when it declares one.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass(KafkaBindingRebalanceListener.class)
@ConditionalOnBean({ReadModelFeed.class, KafkaClientSettings.class})
public class ReadModelAutoConfiguration {

    @Bean
    CatchUpTracker readModelCatchUpTracker(KafkaClientSettings kafka, ReadModelFeed feed) {
        return new CatchUpTracker(kafka, feed);
    }

    @Bean
    ReadModelRecords readModelRecords(ReadModelFeed feed, CatchUpTracker tracker) {
        return new ReadModelRecords(feed, tracker);
    }

    @Bean
    TopicRestore readModelRestore(KafkaClientSettings kafka, ReadModelFeed feed, ReadModelRecords records) {
        return new TopicRestore(kafka, feed, records);
    }

    @Bean
    RestoreHandover readModelRestoreHandover(ReadModelFeed feed, TopicRestore restore) {
        return new RestoreHandover(feed, restore);
    }

    /** Named {@code readModel} in the health tree: include it in the readiness group. */
    @Bean
    CatchUpHealthIndicator readModelHealthIndicator(ReadModelFeed feed, CatchUpTracker tracker) {
        return new CatchUpHealthIndicator(feed, tracker);
    }

    @Bean
    RebuildMetrics readModelRebuildMetrics(ReadModelFeed feed, CatchUpTracker tracker) {
        return new RebuildMetrics(feed, tracker);
    }
}
