package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.PlainText;
import id.go.bangka.inovasi.submission.registry.OpdRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The intake's rules for a proposal, all checked at once: required fields, lengths, the OPD registry, years, dates in
 * order, well-formed http(s) links. Rules only the catalogue can check (title unique per OPD and year, ownership of
 * an existing innovation) are checked there.
 */
@Component
public class ProposalValidator {

    /** Words the IID asks of the design text (rancang bangun). */
    static final int DESIGN_WORDS = 300;
    static final int FIRST_YEAR = 2015;
    private static final int LONG_TEXT = 20_000;
    private static final int MEDIUM_TEXT = 5_000;
    private static final int URL_LENGTH = 2_000;

    private final OpdRegistry registry;
    private final Clock clock;

    @Autowired
    public ProposalValidator(OpdRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ProposalValidator(OpdRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The result of validation.
     *
     * @param errors   what makes the proposal unacceptable
     * @param warnings what is accepted but weakens the innovation's IID score
     */
    public record Result(List<FieldError> errors, List<String> warnings) {
    }

    public Result validate(ProposalRequest p) {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (p.title() == null || p.title().isBlank()) {
            errors.add(new FieldError("/title", "title is required"));
        } else if (p.title().strip().length() < 5 || p.title().strip().length() > 200) {
            errors.add(new FieldError("/title", "title must be 5 to 200 characters"));
        }
        if (p.opdCode() == null || p.opdCode().isBlank()) {
            errors.add(new FieldError("/opdCode", "opdCode is required"));
        } else if (registry.find(p.opdCode()).isEmpty()) {
            errors.add(new FieldError("/opdCode", "unknown OPD code '" + printable(p.opdCode())
                    + "'; GET /api/v1/opds lists the registered codes"));
        }
        required(errors, "/source", p.source());
        required(errors, "/initiatorType", p.initiatorType());
        required(errors, "/field", p.field());
        required(errors, "/governmentAffair", p.governmentAffair());
        required(errors, "/form", p.form());
        required(errors, "/kind", p.kind());
        required(errors, "/stage", p.stage());
        required(errors, "/programme", p.programme());
        int lastYear = Year.now(clock).getValue() + 1;
        if (p.year() == null) {
            errors.add(new FieldError("/year", "year is required"));
        } else if (p.year() < FIRST_YEAR || p.year() > lastYear) {
            errors.add(new FieldError("/year", "year must be between " + FIRST_YEAR + " and " + lastYear));
        }
        if (p.trialDate() != null && p.implementationDate() != null
                && p.implementationDate().isBefore(p.trialDate())) {
            errors.add(new FieldError("/implementationDate", "implementationDate must not be before trialDate"));
        }
        if (p.secondaryAffairs() != null) {
            if (p.secondaryAffairs().size() > 10) {
                errors.add(new FieldError("/secondaryAffairs", "at most 10 secondary affairs"));
            }
            for (int i = 0; i < p.secondaryAffairs().size(); i++) {
                required(errors, "/secondaryAffairs/" + i, p.secondaryAffairs().get(i));
            }
        }
        PlainText.check("/title", p.title(), false).ifPresent(errors::add);
        PlainText.check("/initiatorName", p.initiatorName(), false).ifPresent(errors::add);
        PlainText.check("/design", p.design(), true).ifPresent(errors::add);
        PlainText.check("/goals", p.goals(), true).ifPresent(errors::add);
        PlainText.check("/benefits", p.benefits(), true).ifPresent(errors::add);
        PlainText.check("/results", p.results(), true).ifPresent(errors::add);
        bounded(errors, "/initiatorName", p.initiatorName(), 200);
        bounded(errors, "/design", p.design(), LONG_TEXT);
        bounded(errors, "/goals", p.goals(), MEDIUM_TEXT);
        bounded(errors, "/benefits", p.benefits(), MEDIUM_TEXT);
        bounded(errors, "/results", p.results(), MEDIUM_TEXT);
        if (p.links() != null) {
            url(errors, "/links/videoUrl", p.links().videoUrl());
            url(errors, "/links/appUrl", p.links().appUrl());
            if (p.links().documents() != null) {
                if (p.links().documents().size() > 20) {
                    errors.add(new FieldError("/links/documents", "at most 20 documents"));
                }
                for (int i = 0; i < p.links().documents().size(); i++) {
                    String document = p.links().documents().get(i);
                    if (document == null || document.isBlank()) {
                        errors.add(new FieldError("/links/documents/" + i, "must be an http(s) URL"));
                    } else {
                        url(errors, "/links/documents/" + i, document);
                    }
                }
            }
        }
        int words = words(p.design());
        if (words < DESIGN_WORDS) {
            warnings.add("design has " + words + " word(s); the IID asks for at least " + DESIGN_WORDS);
        }
        if (p.links() == null || p.links().videoUrl() == null || p.links().videoUrl().isBlank()) {
            warnings.add("no video link: the video is a mandatory IID indicator");
        }
        return new Result(errors, warnings);
    }

    private static void required(List<FieldError> errors, String pointer, Object value) {
        if (value == null) {
            errors.add(new FieldError(pointer, pointer.substring(1) + " is required"));
        }
    }

    private static void bounded(List<FieldError> errors, String pointer, String text, int max) {
        if (text != null && text.length() > max) {
            errors.add(new FieldError(pointer, "must be at most " + max + " characters"));
        }
    }

    private static void url(List<FieldError> errors, String pointer, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > URL_LENGTH) {
            errors.add(new FieldError(pointer, "must be at most " + URL_LENGTH + " characters"));
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new FieldError(pointer, "must be an http(s) URL with a host"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(pointer, "is not a well-formed URL"));
        }
    }

    static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }

    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
