package id.go.bangka.inovasi.platform.readmodel;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A service's in-memory read model fed by a compacted topic: declare one as a bean and platform-starter rebuilds the
 * model at start with a plain consumer ({@link TopicRestore}), hands over to the Spring Cloud Stream binding at the
 * restore's end offsets ({@link RestoreHandover}), keeps readiness OUT_OF_SERVICE until caught up (health component
 * {@code readModel}) and publishes rebuild metrics. The binding's function passes each message to
 * {@link ReadModelRecords#accept}. The binding needs no consumer group (every replica reads every partition) and
 * {@code start-offset: earliest}.
 *
 * @param name    short name of the model, used in client ids, thread names, logs and the metrics' {@code model} tag
 * @param topic   the compacted topic it is built from
 * @param binding the input binding that keeps it current, such as {@code countSnapshot-in-0}
 * @param handler applies one record
 * @param details extra details for the readiness component, such as the number of entries held
 */
public record ReadModelFeed(String name, String topic, String binding, ReadModelHandler handler,
        Supplier<Map<String, Object>> details) {

    public ReadModelFeed {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(handler, "handler");
        details = details == null ? Map::of : details;
    }
}
