package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link IntakeContract} against the in-JVM Kafka broker and the MongoDB stand-in. */
class IntakeIT extends IntakeContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return EmbeddedInfrastructure.get();
    }
}
