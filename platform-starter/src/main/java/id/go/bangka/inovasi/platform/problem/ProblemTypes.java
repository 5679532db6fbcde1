package id.go.bangka.inovasi.platform.problem;

/** Problem {@code type} URIs of the platform, documented per status code. */
public final class ProblemTypes {

    public static final String BASE = "https://inovasi.bangka.go.id/problems/";

    private ProblemTypes() {
    }
}
