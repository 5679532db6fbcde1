package id.go.bangka.inovasi.catalog;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The catalogue: system of record of Kabupaten Bangka's innovations. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Inovasi Bangka: catalogue", version = "v1",
        description = "The catalogue of innovations: search with facets, one innovation and its history, review,"
                + " IID evidence, open-data exports, and the operators' snapshot and dead-letter endpoints."))
@ConfigurationPropertiesScan
@EnableScheduling
public class CatalogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogServiceApplication.class, args);
    }
}
