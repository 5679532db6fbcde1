package id.go.bangka.inovasi.stats.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The statistics filters keep their constraints for Bean Validation while the canonical constructor, through which
 * Spring binds every statistics read, carries no annotations to parse per request.
 */
class FilterParamsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theConstructorSpringBindsThroughCarriesNoParameterAnnotations() throws NoSuchMethodException {
        assertThat(Arrays.asList(FilterParams.class
                .getDeclaredConstructor(String.class, String.class, String.class, String.class)
                .getParameterAnnotations())).hasSize(4).allSatisfy(annotations -> assertThat(annotations).isEmpty());
    }

    @Test
    void theComponentsConstraintsStillHold() {
        Set<String> invalid = VALIDATOR.validate(new FilterParams(null, "1900", "dinkes!", null)).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
        assertThat(invalid).containsExactlyInAnyOrder("year", "opdCode");
        assertThat(VALIDATOR.validate(new FilterParams("PUBLISHED", "2022", "DINKES", "HEALTH"))).isEmpty();
    }
}
