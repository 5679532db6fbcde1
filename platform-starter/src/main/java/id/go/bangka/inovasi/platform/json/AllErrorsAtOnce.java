package id.go.bangka.inovasi.platform.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body record whose errors are all reported at once, whatever their kind: a value of the wrong type,
 * an unknown enum value or an unknown field no longer stops reading at the first one ({@link AllErrorsDeserializer}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllErrorsAtOnce {
}
