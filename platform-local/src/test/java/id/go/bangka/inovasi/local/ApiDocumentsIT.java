package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.AntPathMatcher;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API documents as portal developers get them, through the gateway: each service's OpenAPI 3.1 document passes
 * Spectral's recommended OpenAPI rules (which include validation against the OpenAPI 3.1 schema) without an error and
 * documents every endpoint of the README's API table; every gateway route to a service appears in a document; the
 * AsyncAPI 3 document and the JSON Schemas it refers to are valid for the official AsyncAPI parser and name every
 * topic.
 * The tools are the npm packages pinned in {@code src/test/apidocs} (installed by Maven before the integration tests);
 * the documents and the tools' reports land in {@code platform-local/target/api-docs/}.
 */
class ApiDocumentsIT {

    private static final List<String> SERVICES = List.of("submissions", "catalog", "stats");
    private static final Path TOOLS = TestPlatform.ROOT.resolve("platform-local/src/test/apidocs");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every row of the README's API table, as method and documented path. */
    private static final Set<String> README_ENDPOINTS = Set.of(
            "POST /api/v1/submissions", "PUT /api/v1/innovations/{id}", "POST /api/v1/innovations/{id}/withdrawal",
            "GET /api/v1/submissions/{id}", "GET /api/v1/opds", "GET /api/v1/reference",
            "GET /api/v1/innovations", "GET /api/v1/innovations/{id}", "GET /api/v1/innovations/{id}/history",
            "GET /api/v1/review/queue", "GET /api/v1/review/queue/{id}", "POST /api/v1/innovations/{id}/review",
            "GET /api/v1/innovations/{id}/evidence", "PUT /api/v1/innovations/{id}/evidence/{indicator}",
            "POST /api/v1/innovations/{id}/evidence/{indicator}/files",
            "DELETE /api/v1/innovations/{id}/evidence/{indicator}/files/{fileId}",
            "GET /api/v1/innovations/{id}/evidence/{indicator}/files/{fileId}",
            "POST /api/v1/innovations/{id}/evidence/{indicator}/verification", "GET /api/v1/innovations/export",
            "POST /api/v1/ops/snapshots/republish", "GET /api/v1/ops/dead-letters",
            "POST /api/v1/ops/dead-letters/{partition}/{offset}/replay", "GET /api/v1/stats/overview",
            "GET /api/v1/stats/breakdown", "GET /api/v1/stats/trend", "GET /api/v1/stats/review",
            "GET /api/v1/stats/iid", "GET /api/v1/stats/stream", "PUT /api/v1/review/iid/spd/{period}",
            "GET /api/v1/review/iid/spd/{period}", "GET /api/v1/stats/iid/periods");

    private static TestPlatform platform;
    private static Path work;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, JsonNode> DOCUMENTS = new HashMap<>();

    @BeforeAll
    static void startPlatform() throws IOException {
        work = TestPlatform.workDirectory("api-docs");
        Path clients = TestPlatform.portalAndReviewerClients(work, "docs-portal-" + UUID.randomUUID(),
                "docs-reviewer-" + UUID.randomUUID());
        platform = TestPlatform.start(EmbeddedInfrastructure.get(), work, clients, Map.of());
        for (String service : SERVICES) {
            String text = fetch("/v3/api-docs/" + service);
            Files.writeString(work.resolve(service + ".openapi.json"), text);
            DOCUMENTS.put(service, JSON.readTree(text));
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void eachOpenApiDocumentIsOpenApi31WithTheSharedPartsAndPassesTheLinter() {
        for (String service : SERVICES) {
            JsonNode document = DOCUMENTS.get(service);
            assertThat(document.get("openapi").asString()).as(service).startsWith("3.1.");
            assertThat(document.get("servers").size()).as(service).isEqualTo(1);
            assertThat(document.get("servers").get(0).get("url").asString()).as("the gateway, not the service")
                    .isEqualTo("http://localhost:8080");
            JsonNode schemes = document.get("components").get("securitySchemes");
            assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-Api-Key");
            assertThat(schemes.get("bearerToken").get("scheme").asString()).isEqualTo("bearer");
            JsonNode problem = document.get("components").get("schemas").get("Problem");
            assertThat(problem.get("properties").get("errors").get("items").get("$ref").asString())
                    .isEqualTo("#/components/schemas/FieldError");
            operations(document).forEach(operation -> {
                assertThat(operation.node().has("operationId")).as(operation.name()).isTrue();
                assertThat(operation.node().get("tags").size()).as(operation.name()).isPositive();
                assertThat(operation.node().get("responses").get("401").get("content").get("application/problem+json")
                        .get("schema").get("$ref").asString()).as(operation.name())
                        .isEqualTo("#/components/schemas/Problem");
            });

            Tool lint = run(List.of(TOOLS.resolve("node_modules/.bin/spectral").toString(), "lint", "--ruleset",
                    TOOLS.resolve(".spectral.yaml").toString(), "--fail-severity", "error",
                    work.resolve(service + ".openapi.json").toString()), service + ".spectral.txt");
            assertThat(lint.exitCode()).as(service + ": " + lint.output()).isZero();
            assertThat(lint.output()).as(service).doesNotContain(" error ");
        }
    }

    @Test
    void everyEndpointOfTheReadmeIsDocumentedWithTheSpecialContentTypes() {
        Map<String, JsonNode> documented = new HashMap<>();
        DOCUMENTS.values().forEach(document -> operations(document)
                .forEach(operation -> documented.put(operation.name(), operation.node())));
        assertThat(documented.keySet()).containsAll(README_ENDPOINTS);

        assertThat(responseTypes(documented.get("GET /api/v1/innovations/export"), "200")).contains("text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(responseTypes(documented.get("GET /api/v1/stats/stream"), "200")).contains("text/event-stream");
        assertThat(responseTypes(documented.get("GET /api/v1/stats/breakdown"), "200"))
                .contains("application/json", "text/csv");
        assertThat(documented.get("POST /api/v1/innovations/{id}/evidence/{indicator}/files").get("requestBody")
                .get("content").has("multipart/form-data")).isTrue();
        JsonNode size = parameter(documented.get("GET /api/v1/innovations"), "size").get("schema");
        assertThat(size.get("minimum").asInt()).isEqualTo(1);
        assertThat(size.get("maximum").asInt()).isEqualTo(100);
        assertThat(parameter(documented.get("GET /api/v1/innovations"), "field").get("schema").get("enum").size())
                .isPositive();
        JsonNode year = parameter(documented.get("GET /api/v1/innovations"), "year").get("schema");
        assertThat(year.get("minimum").asInt()).as("the shared year rule, documented").isEqualTo(2015);
        assertThat(year.get("maximum").asInt()).isEqualTo(java.time.Year.now().getValue() + 1);
        assertThat(parameter(documented.get("GET /api/v1/stats/trend"), "opdCode").get("schema").get("pattern")
                .asString()).isEqualTo("^[A-Z0-9][A-Z0-9-]{1,39}$");
        JsonNode proposal = DOCUMENTS.get("submissions").get("components").get("schemas").get("ProposalRequest")
                .get("properties");
        assertThat(proposal.get("year").get("minimum").asInt()).isEqualTo(2015);
        assertThat(proposal.get("title").get("maxLength").asInt()).isEqualTo(200);
        assertThat(parameter(documented.get("GET /api/v1/stats/trend"), "interval").get("schema").get("enum")
                .toString()).isEqualTo("[\"month\",\"year\"]");
        assertThat(parameter(documented.get("GET /api/v1/stats/breakdown"), "by").get("schema").get("enum")
                .toString()).isEqualTo("[\"status\",\"field\",\"opd\",\"year\",\"stage\",\"kind\",\"form\","
                        + "\"source\",\"programme\",\"affair\"]");
    }

    /**
     * Every gateway route to a service ({@code Path} predicates under {@code /api/}) leads to at least one documented
     * operation (of its methods, where the route names them), and every documented path is routed. The routes of the
     * documents themselves are not API routes; catalog-service's internal {@code /api/v1/submission-outcomes/{id}}
     * has no route and no document.
     */
    @Test
    void everyGatewayRouteAppearsInADocumentAndEveryDocumentedPathIsRouted() throws IOException {
        List<Route> routes = gatewayRoutes();
        assertThat(routes).hasSizeGreaterThan(5);
        List<Operation> operations = DOCUMENTS.values().stream().flatMap(d -> operations(d).stream()).toList();
        for (Route route : routes) {
            assertThat(operations.stream().filter(route::leadsTo).toList())
                    .as("route " + route.id() + " " + route.patterns() + " in a document").isNotEmpty();
        }
        for (Operation operation : operations) {
            assertThat(routes.stream().anyMatch(route -> route.leadsTo(operation)))
                    .as(operation.name() + " is routed by the gateway").isTrue();
        }
    }

    @Test
    void theAsyncApiDocumentIsValidRefersToTheEventsSchemasAndNamesEveryTopic() throws IOException {
        String documentPath = "/asyncapi/inovasi.asyncapi.yaml";
        String text = fetch(documentPath);
        Path copy = work.resolve("events" + documentPath);
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, text);
        Map<String, Object> document = new Yaml().load(text);
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");

        Set<String> fileRefs = new TreeSet<>();
        collectRefs(document, fileRefs);
        fileRefs.removeIf(ref -> ref.startsWith("#"));
        assertThat(fileRefs).as("payloads refer to the events module's schemas, not copies").containsExactlyInAnyOrder(
                ".." + EventTypes.schemaPath(EventTypes.SUBMISSION_RECEIVED),
                ".." + EventTypes.schemaPath(EventTypes.INNOVATION_CHANGED),
                ".." + EventTypes.schemaPath(EventTypes.SPD_RECORDED));
        for (String ref : fileRefs) {
            String served = URI.create(documentPath).resolve(ref).getPath();
            Path schema = work.resolve("events" + served);
            Files.createDirectories(schema.getParent());
            Files.writeString(schema, fetch(served));
        }

        Tool validation = run(List.of("node", TOOLS.resolve("validate-asyncapi.mjs").toString(), copy.toString()),
                "asyncapi.txt");
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("valid: AsyncAPI 3.0.0");

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        Set<Object> addresses = channels.values().stream().map(c -> c.get("address")).collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics());
    }

    private static Set<String> topics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ApiDocumentsIT::constant).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    /** One documented operation: {@code METHOD /path} and its OpenAPI node. */
    record Operation(String method, String path, JsonNode node) {

        String name() {
            return method + " " + path;
        }
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        method.getValue()));
            }
        }));
        return operations;
    }

    private static Set<String> responseTypes(JsonNode operation, String status) {
        Set<String> types = new TreeSet<>();
        operation.get("responses").get(status).get("content").propertyNames().forEach(types::add);
        return types;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (name.equals(parameter.get("name").asString())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    /** A gateway route to a service: its path patterns and, where it names them, its methods. */
    record Route(String id, List<String> patterns, Set<String> methods) {

        private static final AntPathMatcher MATCHER = new AntPathMatcher();

        boolean leadsTo(Operation operation) {
            if (!methods.isEmpty() && !methods.contains(operation.method())) {
                return false;
            }
            return patterns.stream().anyMatch(pattern -> MATCHER.match(pattern, operation.path()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Route> gatewayRoutes() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(
                TestPlatform.ROOT.resolve("gateway/src/main/resources/application.yml")));
        Object routes = at(yaml, "spring", "cloud", "gateway", "server", "webflux", "routes");
        List<Route> api = new ArrayList<>();
        for (Map<String, Object> route : (List<Map<String, Object>>) routes) {
            List<String> patterns = new ArrayList<>();
            Set<String> methods = new TreeSet<>();
            for (Object predicate : (List<Object>) route.get("predicates")) {
                String text = predicate.toString();
                if (text.startsWith("Path=")) {
                    patterns.addAll(List.of(text.substring("Path=".length()).split(",")));
                } else if (text.startsWith("Method=")) {
                    methods.addAll(List.of(text.substring("Method=".length()).split(",")));
                }
            }
            if (patterns.stream().allMatch(p -> p.startsWith("/api/"))) {
                api.add(new Route((String) route.get("id"), patterns, methods));
            }
        }
        return api;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    private static String fetch(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUri() + path))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a tool printed (also written to {@code target/api-docs/<report>}) and its exit code. */
    record Tool(int exitCode, String output) {
    }

    private static Tool run(List<String> command, String report) {
        Path output = work.resolve(report);
        try {
            Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 3 minutes");
            }
            return new Tool(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
