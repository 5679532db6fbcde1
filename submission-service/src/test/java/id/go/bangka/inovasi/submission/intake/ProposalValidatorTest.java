package id.go.bangka.inovasi.submission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.submission.registry.OpdRegistry;
import id.go.bangka.inovasi.submission.registry.RegistryProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

class ProposalValidatorTest {

    private static final GenericApplicationContext CONTEXT = context();

    private final ProposalValidator validator = new ProposalValidator(CONTEXT.getBean(LocalValidatorFactoryBean.class));

    /** The validator as the service has it: the registry and a clock on 2026-11-27 injected into constraints. */
    private static GenericApplicationContext context() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(OpdRegistry.class, () -> new OpdRegistry(new DefaultResourceLoader(),
                new RegistryProperties("classpath:opd-registry.json")));
        context.registerBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
        context.registerBean(LocalValidatorFactoryBean.class);
        context.refresh();
        return context;
    }

    @AfterAll
    static void close() {
        CONTEXT.close();
    }

    private static ProposalRequest request(int year, String design) {
        String json = Proposals.json("Aplikasi Motor Kancil", "DINKES", "HEALTH", year)
                .replace("Rancang bangun inovasi.", design);
        return JsonMapper.builder().build().readValue(json, ProposalRequest.class);
    }

    @Test
    void theYearRunsFrom2015ToNextYear() {
        assertThat(validator.validate(request(2015, "x")).errors()).isEmpty();
        assertThat(validator.validate(request(2027, "x")).errors()).isEmpty();
        assertThat(validator.validate(request(2028, "x")).errors()).containsExactly(
                new FieldError("/year", "must be between 2015 and 2027", "ReportingYear"));
        assertThat(validator.validate(request(2014, "x")).errors()).hasSize(1);
    }

    @Test
    void anOpdCodeMustBeRegistered() {
        ProposalRequest unknown = JsonMapper.builder().build().readValue(
                Proposals.json("Aplikasi Motor Kancil", "NOPE", "HEALTH", 2022), ProposalRequest.class);
        assertThat(validator.validate(unknown).errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/opdCode");
            assertThat(e.detail()).contains("GET /api/v1/opds");
        });
    }

    @Test
    void aShortDesignIsAcceptedWithAWarningCountedInWords() {
        assertThat(validator.validate(request(2022, "satu dua  tiga\\nempat")).warnings())
                .containsExactly("design has 4 word(s); the IID asks for at least 300");
        assertThat(validator.validate(request(2022, "kata ".repeat(300))).warnings()).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksAllowedInLongTexts() {
        assertThat(validator.validate(request(2022, "Baris satu\\nBaris dua\\tdengan tab")).errors()).isEmpty();
        assertThat(validator.validate(request(2022, "hapus\\u0000layar\\u001b[2J")).errors())
                .extracting(e -> e.pointer()).containsExactly("/design");
        ProposalRequest title = JsonMapper.builder().build().readValue(Proposals.json(
                "\\u0000\\u001bAplikasi Motor Kancil", "DINKES", "HEALTH", 2022), ProposalRequest.class);
        assertThat(validator.validate(title).errors()).extracting(e -> e.pointer()).containsExactly("/title");
    }
}
