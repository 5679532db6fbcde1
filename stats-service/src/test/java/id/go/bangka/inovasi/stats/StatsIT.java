package id.go.bangka.inovasi.stats;

import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link StatsContract} against the in-JVM Kafka broker. */
class StatsIT extends StatsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return EmbeddedInfrastructure.get();
    }
}
