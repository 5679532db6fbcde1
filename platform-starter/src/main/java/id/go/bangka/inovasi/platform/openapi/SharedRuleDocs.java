package id.go.bangka.inovasi.platform.openapi;

import id.go.bangka.inovasi.platform.validation.HttpLink;
import id.go.bangka.inovasi.platform.validation.OpdCode;
import id.go.bangka.inovasi.platform.validation.OpdCodes;
import id.go.bangka.inovasi.platform.validation.ReportingYear;
import id.go.bangka.inovasi.platform.validation.ReportingYears;
import id.go.bangka.inovasi.platform.validation.Text;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;

/**
 * Documents the shared rules ({@link OpdCode}, {@link ReportingYear}, {@link HttpLink}, {@link Text}) where a query
 * parameter or a body property carries them, from the same definitions the validators use: an OPD code's pattern, the
 * years 2015 to next year, an http(s) URI, a text's length. Springdoc reads the standard constraints by itself, not
 * these.
 */
public class SharedRuleDocs implements ParameterCustomizer, PropertyCustomizer {

    private final Clock clock;

    public SharedRuleDocs(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null && parameter.getSchema() != null) {
            document(parameter.getSchema(), Arrays.stream(methodParameter.getParameterAnnotations()));
        }
        return parameter;
    }

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property != null && type.getCtxAnnotations() != null) {
            document(property, Arrays.stream(type.getCtxAnnotations()));
        }
        return property;
    }

    private void document(Schema<?> schema, Stream<Annotation> annotations) {
        annotations.filter(Objects::nonNull).forEach(annotation -> {
            if (annotation instanceof OpdCode) {
                schema.setPattern("^" + OpdCodes.PATTERN + "$");
            } else if (annotation instanceof ReportingYear) {
                schema.setMinimum(BigDecimal.valueOf(ReportingYears.FIRST));
                schema.setMaximum(BigDecimal.valueOf(ReportingYears.last(clock)));
            } else if (annotation instanceof HttpLink) {
                schema.setFormat("uri");
                schema.setPattern("^https?://");
            } else if (annotation instanceof Text text) {
                schema.setMaxLength(text.max());
                if (text.min() > 0) {
                    schema.setMinLength(text.min());
                }
            }
        });
    }
}
