package id.go.bangka.inovasi.submission;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Intake of innovation submissions from OPD portals. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Inovasi Bangka: submissions", version = "v1",
        description = "OPD portals propose, revise and withdraw innovations; the outcome of each submission; the OPD"
                + " registry and the reference lists. Writes answer 202 once the message broker has the event."))
@ConfigurationPropertiesScan
public class SubmissionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubmissionServiceApplication.class, args);
    }
}
