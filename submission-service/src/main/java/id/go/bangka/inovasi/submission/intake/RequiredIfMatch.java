package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.http.IfMatch;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** Revisions and withdrawals must name the version they start from: 428 without {@code If-Match}. */
final class RequiredIfMatch {

    private RequiredIfMatch() {
    }

    static long baseVersion(String header) {
        Long version = IfMatch.version(header);
        if (version == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                    "Revisions and withdrawals need If-Match: <version>, the version you are changing; "
                            + "GET /api/v1/innovations/{id} answers it in its ETag and body.");
        }
        return version;
    }
}
