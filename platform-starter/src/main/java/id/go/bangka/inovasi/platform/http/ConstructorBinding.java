package id.go.bangka.inovasi.platform.http;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters bind to the records controllers take (filters) through their constructors only. A parameter
 * named like a nested or indexed property ({@code year[$gt]}, {@code year.$gt}) is then never walked as a property
 * path, which setter binding tries and fails on with a server error; endpoints that refuse unknown parameters still
 * see and refuse it.
 */
@ControllerAdvice
public class ConstructorBinding {

    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }
}
