package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Reads the innovation version a revision or withdrawal starts from, from {@code If-Match: "3"} (or 3, W/"3"). */
final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([1-9][0-9]{0,17})\"?");

    private IfMatch() {
    }

    static long baseVersion(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                    "Revisions and withdrawals need If-Match: <version>, the version you are changing; "
                            + "GET /api/v1/innovations/{id} answers it in its ETag and body.");
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "If-Match must be a version such as \"3\".")
                    .with("errors", List.of(new FieldError("If-Match", "must be a positive version number")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
