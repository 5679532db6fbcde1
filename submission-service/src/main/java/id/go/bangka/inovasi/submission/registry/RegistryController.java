package id.go.bangka.inovasi.submission.registry;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InitiatorType;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.Labelled;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reference data for portals: the OPD registry and every enumeration of the record with its Indonesian label. */
@RestController
public class RegistryController {

    /**
     * One allowed value.
     *
     * @param code  what the API takes
     * @param label what people read (Bahasa Indonesia)
     */
    public record Choice(String code, String label) {
    }

    private static final Map<String, List<Choice>> REFERENCE = labelledChoices();

    private final OpdRegistry registry;

    public RegistryController(OpdRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/opds")
    List<Opd> opds(@RequestParam(required = false) OpdKind kind) {
        return registry.all().stream().filter(o -> kind == null || o.kind() == kind).toList();
    }

    @GetMapping("/api/v1/opds/{code}")
    Opd opd(@PathVariable String code) {
        return registry.find(code).orElseThrow(() -> ApiProblem.notFound("No OPD with code " + code
                + " is registered; GET /api/v1/opds lists them."));
    }

    @GetMapping("/api/v1/reference")
    Map<String, List<Choice>> reference() {
        return REFERENCE;
    }

    private static Map<String, List<Choice>> labelledChoices() {
        Map<String, List<Choice>> reference = new LinkedHashMap<>();
        reference.put("source", choices(Source.values()));
        reference.put("initiatorType", choices(InitiatorType.values()));
        reference.put("field", choices(InnovationField.values()));
        reference.put("governmentAffair", choices(GovernmentAffair.values()));
        reference.put("form", choices(InnovationForm.values()));
        reference.put("kind", choices(InnovationKind.values()));
        reference.put("stage", choices(Stage.values()));
        reference.put("programme", choices(Programme.values()));
        reference.put("opdKind", choices(OpdKind.values()));
        return Collections.unmodifiableMap(reference);
    }

    private static <E extends Enum<E> & Labelled> List<Choice> choices(E[] values) {
        return Arrays.stream(values).map(v -> new Choice(v.name(), v.label())).toList();
    }
}
