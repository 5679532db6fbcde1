package id.go.bangka.inovasi.catalog;

import id.go.bangka.inovasi.testsupport.ContainerInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link CatalogContract} against apache/kafka and mongo containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class CatalogContainersIT extends CatalogContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return ContainerInfrastructure.get();
    }
}
