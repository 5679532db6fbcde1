package id.go.bangka.inovasi.stats;

import id.go.bangka.inovasi.testsupport.ContainerInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link StatsContract} against an apache/kafka container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class StatsContainersIT extends StatsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return ContainerInfrastructure.get();
    }
}
