package id.go.bangka.inovasi.catalog;

import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CatalogContract} against the in-JVM Kafka broker and the MongoDB stand-in. */
class CatalogIT extends CatalogContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @Override
    Infrastructure infrastructure() {
        return EmbeddedInfrastructure.get();
    }
}
