package id.go.bangka.inovasi.platform.validation;

import java.util.regex.Pattern;

/** What an OPD code looks like: 2 to 40 capital letters, digits and hyphens, not starting with a hyphen. */
public final class OpdCodes {

    /** The pattern, for {@code @Pattern} and documentation. */
    public static final String PATTERN = "[A-Z0-9][A-Z0-9-]{1,39}";
    /** The message when a value does not look like an OPD code. */
    public static final String MESSAGE = "must be an OPD code such as DINKES";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private OpdCodes() {
    }

    /** Whether {@code code} looks like an OPD code (whether the registry knows it is another question). */
    public static boolean matches(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }
}
