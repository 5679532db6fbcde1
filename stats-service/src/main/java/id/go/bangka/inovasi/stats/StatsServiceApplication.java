package id.go.bangka.inovasi.stats;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Statistics for dashboards, from an in-memory view of the catalogue's snapshot topic. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatsServiceApplication.class, args);
    }
}
