package id.go.bangka.inovasi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import id.go.bangka.inovasi.platform.validation.HttpLink;
import id.go.bangka.inovasi.platform.validation.ReportingYear;
import id.go.bangka.inovasi.platform.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class AllErrorsDeserializerTest {

    enum Colour { RED, GREEN }

    @AllErrorsAtOnce
    record Sample(@NotNull(message = "is required") @Text(min = 5, max = 20) String title,
            @NotNull(message = "is required") Colour colour, @ReportingYear Integer year, LocalDate since,
            List<Colour> others, @Valid Links links) {
    }

    record Links(@HttpLink String video, List<@HttpLink String> documents) {
    }

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final JsonMapper json = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new AllErrorsModule(() -> VALIDATOR));
        new StrictScalarCoercion().customize(builder);
        return builder.build();
    }

    private List<FieldError> errors(String body) {
        return catchThrowableOfType(InvalidBodyException.class, () -> json.readValue(body, Sample.class)).errors();
    }

    @Test
    void anUnknownEnumValueAndAWrongTypeDoNotHideTheOtherErrors() {
        List<FieldError> errors = errors("""
                {"title":"abc","colour":"NOT_A_COLOUR","year":"2025","since":"yesterday","others":["RED","BLUE"],
                 "links":{"video":"ftp://x","documents":["https://ok.example",7]},"shape":"round"}""");

        assertThat(errors).extracting(FieldError::pointer).containsExactlyInAnyOrder("/shape", "/colour", "/year",
                "/since", "/others/1", "/links/documents/1", "/title", "/links/video");
        assertThat(errors).filteredOn(e -> e.pointer().equals("/colour")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("must be one of [RED, GREEN]"));
        assertThat(errors).filteredOn(e -> e.pointer().equals("/year")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("has the wrong type: expected a number"));
        assertThat(errors).filteredOn(e -> e.pointer().equals("/title")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("must be 5 to 20 characters"));
        assertThat(errors).filteredOn(e -> e.pointer().equals("/shape")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("unknown field: it is not part of this API"));
        assertThat(errors).as("each with the rule it broke, for clients that explain it in their own words")
                .filteredOn(e -> List.of("/shape", "/colour", "/title").contains(e.pointer()))
                .extracting(FieldError::code).containsExactlyInAnyOrder(FieldError.UNKNOWN_FIELD,
                        FieldError.UNREADABLE, "Text");
    }

    @Test
    void anUnreadableRequiredValueIsReportedOnceAsUnreadable() {
        assertThat(errors("{\"title\":\"Judul yang baik\",\"colour\":5}")).singleElement()
                .satisfies(e -> assertThat(e.pointer()).isEqualTo("/colour"));
    }

    @Test
    void aReadableBodyIsReturnedForValidationAsUsual() {
        Sample sample = json.readValue("""
                {"title":"abc","colour":"RED","year":1999,"links":{"documents":["https://ok.example"]}}""",
                Sample.class);

        assertThat(sample.colour()).isEqualTo(Colour.RED);
        assertThat(sample.links().documents()).containsExactly("https://ok.example");
        assertThat(VALIDATOR.validate(sample)).hasSize(2);
    }
}
