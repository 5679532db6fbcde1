package id.go.bangka.inovasi.platform.http;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Reads an innovation version from {@code If-Match}: {@code "3"}, {@code 3} or {@code W/"3"}, as the ETag gives it. */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([1-9][0-9]{0,17})\"?");

    private IfMatch() {
    }

    /**
     * The version named, or null when the header is absent.
     *
     * @throws ApiProblem 400 when the header is present but not a version
     */
    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "If-Match must be a version such as \"3\".")
                    .with("errors", List.of(new FieldError("If-Match", "must be a positive version number")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
