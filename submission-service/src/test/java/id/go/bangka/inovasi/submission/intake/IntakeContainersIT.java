package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.testsupport.ContainerInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link IntakeContract} against apache/kafka and mongo containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class IntakeContainersIT extends IntakeContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return ContainerInfrastructure.get();
    }
}
