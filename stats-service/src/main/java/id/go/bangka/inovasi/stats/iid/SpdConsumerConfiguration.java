package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.SpdRecorded;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code recordSpd} function bound to the compacted {@code inovasi.assessments.v1} with an anonymous group from
 * the earliest offset, so every replica holds every period's newest recorded SPD ({@link SpdScores}). A record it
 * cannot read is logged and skipped; the period's next record supersedes it.
 */
@Configuration(proxyBeanMethods = false)
public class SpdConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SpdConsumerConfiguration.class);

    @Bean
    Consumer<Message<byte[]>> recordSpd(SpdScores scores) {
        return message -> {
            String type = CloudEventHeaders.attribute(message.getHeaders(), "type");
            if (!EventTypes.SPD_RECORDED.equals(type)) {
                log.warn("Skipped a record of type {} on the assessments topic", type);
                return;
            }
            try {
                scores.apply(EventCodec.decode(message.getPayload(), SpdRecorded.class));
            } catch (RuntimeException e) {
                log.warn("Skipped an unreadable SPD record: {}", e.getMessage());
            }
        };
    }
}
