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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reference", description = "The OPD registry and every enumeration with its Indonesian label")
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
    @Operation(operationId = "listOpds", summary = "The OPD registry", description = "Public.")
    List<Opd> opds(@Parameter(description = "Only OPDs of this kind") @RequestParam(required = false) OpdKind kind) {
        return registry.all().stream().filter(o -> kind == null || o.kind() == kind).toList();
    }

    @GetMapping("/api/v1/opds/{code}")
    @Operation(operationId = "getOpd", summary = "One OPD of the registry", description = "Public.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The OPD"),
                @ApiResponse(responseCode = "404", description = "No OPD with this code")})
    Opd opd(@Parameter(description = "The OPD code", example = "DINKES") @PathVariable String code) {
        return registry.find(code).orElseThrow(() -> ApiProblem.notFound("No OPD with code " + code
                + " is registered; GET /api/v1/opds lists them."));
    }

    @GetMapping("/api/v1/reference")
    @Operation(operationId = "getReference", summary = "Every enumeration of the record with its Indonesian label",
            description = "Public. Keys: source, initiatorType, field, governmentAffair, form, kind, stage, programme,"
                    + " opdKind.")
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
