package id.go.bangka.inovasi.stats;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Statistics for dashboards, from an in-memory view of the catalogue's snapshot topic. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Inovasi Bangka: statistics", version = "v1",
        description = "Numbers for dashboards from the catalogue's snapshots: overview, breakdowns (JSON or CSV),"
                + " trends, review lead times, the IID projection and a live Server-Sent Events stream. The public"
                + " counts PUBLISHED innovations only."))
@ConfigurationPropertiesScan
public class StatsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatsServiceApplication.class, args);
    }
}
