package id.go.bangka.inovasi.platform.http;

import id.go.bangka.inovasi.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query strings with control characters in a parameter's name or value (400), and query strings that are not
 * percent-encoded UTF-8. Spring trims {@code %00} or {@code %1F} off an enum or number value, so {@code ?status=%00}
 * would otherwise silently mean "no filter".
 */
public class QueryControlCharacterFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public QueryControlCharacterFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() == null) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                    "The query string is not valid: every parameter must be percent-encoded UTF-8.",
                    request.getRequestURI());
            return;
        }
        boolean control = parameters.entrySet().stream().anyMatch(p -> hasControl(p.getKey())
                || Arrays.stream(p.getValue()).anyMatch(QueryControlCharacterFilter::hasControl));
        if (control) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                    "A query parameter contains control characters.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
