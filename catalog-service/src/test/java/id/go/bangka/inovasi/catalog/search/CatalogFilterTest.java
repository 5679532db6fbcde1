package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.catalog.review.QueueFilter;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's filter records keep their constraints for Bean Validation while their canonical constructors, through
 * which Spring binds every search and review queue read, carry no annotations to parse per request.
 */
class CatalogFilterTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theConstructorsSpringBindsThroughCarryNoParameterAnnotations() throws NoSuchMethodException {
        for (Class<? extends Record> type : Set.of(CatalogFilter.class, QueueFilter.class)) {
            Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            assertThat(Arrays.asList(type.getDeclaredConstructor(components).getParameterAnnotations()))
                    .as(type.getSimpleName()).hasSize(components.length)
                    .allSatisfy(annotations -> assertThat(annotations).isEmpty());
        }
    }

    @Test
    void theComponentsConstraintsStillHold() {
        CatalogFilter bad = new CatalogFilter("a".repeat(CatalogFilter.MAX_QUERY_LENGTH + 1), null, "dinkes!", 1900,
                null, 3000, null, null, null, null, null, null, null);
        assertThat(invalid(VALIDATOR.validate(bad))).containsExactlyInAnyOrder("q", "opdCode", "year", "yearTo");
        assertThat(VALIDATOR.validate(new CatalogFilter("posyandu", null, "DINKES", 2022, null, null, null, null, null,
                null, null, null, null))).isEmpty();

        QueueFilter queue = new QueueFilter(null, null, "dinkes!", "a".repeat(CatalogFilter.MAX_QUERY_LENGTH + 1), -1);
        assertThat(invalid(VALIDATOR.validate(queue))).containsExactlyInAnyOrder("opdCode", "q",
                "waitingMoreThanDays");
    }

    private static <T> Set<String> invalid(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
