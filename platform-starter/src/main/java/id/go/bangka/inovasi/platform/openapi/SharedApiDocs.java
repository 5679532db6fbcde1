package id.go.bangka.inovasi.platform.openapi;

import id.go.bangka.inovasi.platform.problem.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Completes a service's OpenAPI document with what every service shares: the gateway as the only server, the two ways
 * to authenticate there ({@value #API_KEY} and {@value #BEARER}; without either only public reads pass), the RFC 9457
 * {@value #PROBLEM} schema as the body of every 4xx and 5xx response, and the answers the gateway itself may give to
 * any call (401, 429, 503).
 */
public class SharedApiDocs implements OpenApiCustomizer {

    /** Security scheme name of the {@code X-Api-Key} header. */
    public static final String API_KEY = "apiKey";
    /** Security scheme name of an OIDC bearer token. */
    public static final String BEARER = "bearerToken";
    /** Component name of the problem schema. */
    public static final String PROBLEM = "Problem";
    /** Component name of one invalid value in a problem's {@code errors}. */
    public static final String FIELD_ERROR = "FieldError";
    /** Media type of every error body. */
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final Map<String, String> GATEWAY_ANSWERS = Map.of(
            "401", "The API key or bearer token is missing where required, wrong, expired or revoked",
            "429", "Rate limit of this client exceeded; retry after the Retry-After header's seconds",
            "503", "The service is unavailable (not ready, or its circuit is open); retry later");

    private final String serverUrl;

    public SharedApiDocs(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setServers(List.of(new Server().url(serverUrl).description("The gateway, the only public entry")));
        if (openApi.getInfo() != null && openApi.getInfo().getContact() == null) {
            openApi.getInfo().contact(new Contact().name("Bappeda Kabupaten Bangka")
                    .url("https://inovasi.bangka.go.id"));
        }
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                .description("The API key of a portal, reviewer or ops client (docs/security.md)"));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An OIDC access token, where the gateway has an issuer configured"));
        components.addSchemas(FIELD_ERROR, fieldError());
        components.addSchemas(PROBLEM, problem());
        openApi.setSecurity(List.of(new SecurityRequirement().addList(API_KEY),
                new SecurityRequirement().addList(BEARER), new SecurityRequirement()));
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream)
                    .forEach(SharedApiDocs::completeResponses);
        }
        defineTags(openApi);
    }

    private static void completeResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        GATEWAY_ANSWERS.forEach((code, description) -> {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse().description(description));
            }
        });
        Map<String, ApiResponse> sorted = new LinkedHashMap<>();
        new TreeSet<>(responses.keySet()).forEach(code -> sorted.put(code, responses.get(code)));
        responses.clear();
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new JsonSchema().$ref(PROBLEM)).example(example(Integer.parseInt(code)))));
            }
            responses.addApiResponse(code, response);
        });
    }

    private static Map<String, Object> example(int status) {
        Map<String, Object> example = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(status);
        example.put("type", ProblemTypes.BASE + status);
        example.put("title", status == 400 ? "Invalid request" : known == null ? "Error" : known.getReasonPhrase());
        example.put("status", status);
        if (status == 400) {
            example.put("detail", "The request has 1 invalid value(s); see errors.");
            example.put("errors", List.of(Map.of("pointer", "/title", "detail", "size must be between 5 and 200")));
        } else {
            example.put("detail", "What went wrong, in plain language.");
        }
        return example;
    }

    /** Every tag an operation uses is declared once at the top, in name order, keeping declared descriptions. */
    private static void defineTags(OpenAPI openApi) {
        Map<String, Tag> tags = new TreeMap<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> tags.put(tag.getName(), tag));
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream)
                    .map(Operation::getTags).filter(Objects::nonNull).flatMap(List::stream)
                    .forEach(name -> tags.putIfAbsent(name, new Tag().name(name)));
        }
        openApi.setTags(new ArrayList<>(tags.values()));
    }

    private static Schema<Object> fieldError() {
        return object("One invalid value of a request", List.of("pointer", "detail"))
                .addProperty("pointer", string("JSON Pointer (RFC 6901) into the body, or the name of a query"
                        + " parameter or header").examples(List.of("/title", "size")))
                .addProperty("detail", string("What is wrong, in plain language")
                        .examples(List.of("size must be between 5 and 200")))
                .addProperty("code", string("Which rule it broke, for clients that explain it in their own words:"
                        + " the constraint's name (NotNull, NotBlank, Text, Size, ReportingYear, HttpLink,"
                        + " DatesInOrder, RegisteredOpd, OpdCode...), UnknownField or Unreadable; absent for other"
                        + " checks").examples(List.of("Text", "HttpLink")));
    }

    private static Schema<Object> problem() {
        Schema<Object> problem = object("An RFC 9457 problem (application/problem+json). Validation problems list every"
                + " invalid value in errors; other members may extend it as RFC 9457 allows.",
                List.of("type", "title", "status"))
                .addProperty("type", string("Problem type: " + ProblemTypes.BASE + "<status>").format("uri"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", new JsonSchema().types(Set.of("integer")).minimum(
                        BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", string("This occurrence, in plain language"))
                .addProperty("instance", string("The request path").format("uri-reference"))
                .addProperty("errors", new JsonSchema().types(Set.of("array")).description("Every invalid value")
                        .items(new JsonSchema().$ref(FIELD_ERROR)))
                .addProperty("allowed", new JsonSchema().types(Set.of("array")).items(string("A decision"))
                        .description("409 of a review decision: the decisions the current status allows"))
                .addProperty("version", new JsonSchema().types(Set.of("integer"))
                        .description("409 of a stale If-Match: the current version"));
        problem.setExamples(List.of(example(400)));
        return problem;
    }

    private static Schema<Object> object(String description, List<String> required) {
        return new JsonSchema().types(Set.of("object")).description(description).required(required);
    }

    private static Schema<Object> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }
}
