package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;

/** Validation of query parameters: every invalid value is a 400 problem naming the parameter and what it allows. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A 400 problem about one query parameter, in the shape of the platform's validation problems. */
    public static ApiProblem invalid(String parameter, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has 1 invalid value(s); see errors.")
                .with("errors", List.of(new FieldError(parameter, detail)));
    }

    /** Refuses parameters the endpoint does not know, so a misspelt filter never silently counts everything. */
    public static void onlyKnown(HttpServletRequest request, Set<String> known) {
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw invalid(first, "unknown query parameter; allowed: " + new TreeSet<>(known));
        }
    }

    /** The enum constant named by {@code text}; null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(text.trim()))
                .findFirst().orElseThrow(() -> invalid(parameter,
                        "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
