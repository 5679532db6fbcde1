package id.go.bangka.inovasi.platform.opd;

import java.util.Map;

/**
 * The names of the registered OPDs by code, as submission-service's registry ({@code GET /api/v1/opds}) lists them.
 *
 * @param byCode each OPD's name by its code
 */
public record OpdNames(Map<String, String> byCode) {

    public OpdNames {
        byCode = Map.copyOf(byCode);
    }

    /** The OPD's name, or null for a code the registry does not list (any more). */
    public String of(String code) {
        return code == null ? null : byCode.get(code);
    }
}
