package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed requests for every write and query endpoint of the API, generated from a seed so every run sends the same
 * ones: broken JSON, wrong types, huge numbers, deep nesting, 10 MB bodies, invalid UTF-8, control characters,
 * MongoDB operators in fields, parameters and paths, path traversal in file names and ids, absurd page sizes, bad
 * headers. Each request is sent with the identity the endpoint expects, so it is refused for its input alone.
 */
final class MalformedRequests {

    /** At least this many requests per endpoint. */
    static final int PER_ENDPOINT = 200;

    /**
     * One request.
     *
     * @param endpoint the endpoint it belongs to, as the summary names it
     * @param body     raw bytes, or null for none
     */
    record Probe(String endpoint, String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final Pattern OPD_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern STRING_VALUE = Pattern.compile("[:,\\[]\\s*\"(?![\\w]+\":)");
    private static final String JSON = "application/json";
    private static final List<String> OPERATOR_VALUES = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}",
            "{\"$where\":\"sleep(5000)\"}", "{\"$regex\":\".*\"}", "[{\"$gt\":\"\"}]", "{\"$in\":[1,2]}");
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00",
            "%7B%22%24gt%22%3A%22%22%7D", "%24where", "00000000-0000-0000-0000-00000000000G", "%C3%28",
            "1%27%20OR%20%271%27%3D%271", "-1", "9".repeat(400), "%E2%80%AE" + "a".repeat(40));
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "99999999999999999999", "1e400", "-1",
            "%24where", "%24ne", "%7B%22%24gt%22%3A%22%22%7D", "%00", "%1F", "%C3%28", "%FF%FE", "NaN",
            "x".repeat(10_000), "2022%00", "..%2F..%2Fetc%2Fpasswd", "%7F", "2147483648");

    private final Random random;
    private final String innovationId;
    private final String indicator;
    private final String version;
    private final Map<String, String> portal;
    private final Map<String, String> reviewer;
    private final byte[] tenMegabytes;
    private int sequence;

    /**
     * @param innovationId an innovation of the portal's OPD, in a state that every write could change
     * @param indicator    an IID indicator the portal declared evidence for, so uploads reach the file checks
     * @param version      the innovation's current version, sent in If-Match
     * @param portal       the headers of a portal of that OPD
     * @param reviewer     the headers of a reviewer
     */
    MalformedRequests(long seed, String innovationId, String indicator, long version, Map<String, String> portal,
            Map<String, String> reviewer) {
        this.random = new Random(seed);
        this.innovationId = innovationId;
        this.indicator = indicator;
        this.version = "\"" + version + "\"";
        this.portal = portal;
        this.reviewer = reviewer;
        this.tenMegabytes = ("{\"title\":\"" + "A".repeat(TEN_MB) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Every probe, endpoint by endpoint. */
    List<Probe> all() {
        List<Probe> all = new ArrayList<>();
        String innovation = "/api/v1/innovations/" + innovationId;
        String proposal = Proposals.json("Aplikasi Lapor Cepat", "DINKES", "HEALTH", 2023);
        all.addAll(json("POST /api/v1/submissions", "POST", i -> "/api/v1/submissions", intake(false), proposal));
        all.addAll(json("PUT /api/v1/innovations/{id}", "PUT", i -> innovation, intake(true), proposal));
        all.addAll(json("POST /api/v1/innovations/{id}/withdrawal", "POST", i -> innovation + "/withdrawal",
                intake(true), "{\"opdCode\":\"DINKES\",\"reason\":\"Digabung dengan inovasi lain\"}"));
        all.addAll(json("POST /api/v1/innovations/{id}/review", "POST", i -> innovation + "/review",
                i -> with(reviewer, "If-Match", ifMatch(i)), "{\"decision\":\"VERIFY\",\"note\":\"Lengkap\"}"));
        all.addAll(json("PUT /api/v1/innovations/{id}/evidence/{indicator}", "PUT",
                i -> innovation + "/evidence/" + indicatorPath(i), i -> portal,
                "{\"parameter\":2,\"links\":[\"https://bappeda.bangka.go.id/bukti.pdf\"]}"));
        all.addAll(json("POST /api/v1/innovations/{id}/evidence/{indicator}/verification", "POST",
                i -> innovation + "/evidence/" + indicatorPath(i) + "/verification", i -> reviewer,
                "{\"state\":\"ACCEPTED\",\"note\":\"Sesuai\"}"));
        all.addAll(uploads(innovation + "/evidence/" + indicator + "/files"));
        all.addAll(query("GET /api/v1/innovations", "/api/v1/innovations", reviewer, false, "q", "field",
                "opdCode", "year", "yearFrom", "yearTo", "stage", "kind", "form", "source", "programme", "status",
                "sort", "page", "size", "withFacets"));
        all.addAll(query("GET /api/v1/innovations/export", "/api/v1/innovations/export", Map.of(), false,
                "format", "field", "year", "stage", "sort", "opdCode"));
        all.addAll(query("GET /api/v1/review/queue", "/api/v1/review/queue", reviewer, false, "status", "field",
                "opdCode", "q", "waitingMoreThanDays", "page", "size"));
        all.addAll(query("GET /api/v1/stats/breakdown", "/api/v1/stats/breakdown", reviewer, true, "by", "then",
                "status", "year", "opdCode", "field"));
        all.addAll(query("GET /api/v1/stats/trend", "/api/v1/stats/trend", reviewer, true, "interval", "status",
                "year", "opdCode", "field"));
        all.addAll(query("GET /api/v1/stats/iid", "/api/v1/stats/iid", reviewer, true, "period"));
        all.addAll(query("GET /api/v1/stats/overview", "/api/v1/stats/overview", reviewer, true));
        all.addAll(query("GET /api/v1/stats/review", "/api/v1/stats/review", reviewer, true, "status", "year",
                "opdCode", "field"));
        all.addAll(ids());
        return all;
    }

    /**
     * Whether probe {@code i} of a JSON endpoint sends the valid body, spoiled only by a malformed header or path
     * segment (Idempotency-Key, If-Match or indicator).
     */
    private static boolean spoiled(int i) {
        return i % 10 == 9;
    }

    /** Intake's headers: a fresh Idempotency-Key (a malformed one when spoiled) and, for changes, If-Match. */
    private IntFunction<Map<String, String>> intake(boolean change) {
        return i -> {
            String key = spoiled(i) && !change ? pick(List.of("$where", "{\"$gt\":\"\"}", "k".repeat(129),
                    "key with spaces", "../../etc/passwd", "%00")) : "bad-input-" + (++sequence);
            Map<String, String> headers = with(portal, "Idempotency-Key", key);
            return change ? with(headers, "If-Match", ifMatch(i)) : headers;
        };
    }

    /** The current version; a malformed one when spoiled. */
    private String ifMatch(int i) {
        return spoiled(i) ? pick(List.of("abc", "99999999999999999999", "{\"$gt\":\"\"}", "W/\"x\"", "\"-5\"",
                "\"1\", \"$where\"")) : version;
    }

    /** The declared indicator; a malformed or unknown one when spoiled. */
    private String indicatorPath(int i) {
        return spoiled(i) ? pick(List.of("..%2F..%2Fetc%2Fpasswd", "%24where", "999", "16%00", "%C3%28",
                "%7B%22%24gt%22%3A%22%22%7D")) : indicator;
    }

    private List<Probe> json(String endpoint, String method, IntFunction<String> path,
            IntFunction<Map<String, String>> headers, String valid) {
        List<Function<String, byte[]>> mutations = List.of(this::truncated, this::brokenSyntax, this::wrongType,
                this::hugeNumber, this::operatorValue, this::unknownOperatorField, this::controlCharacter,
                this::invalidUtf8, this::deepNesting, this::notAnObject);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            Map<String, String> sent = with(headers.apply(i), "Content-Type", JSON);
            byte[] body;
            if (i < 2) {
                body = tenMegabytes;
            } else if (spoiled(i)) {
                body = valid.getBytes(StandardCharsets.UTF_8);
            } else if (i % 25 == 3) {
                sent = with(sent, "Content-Type", pick(List.of("text/plain", "application/xml",
                        "application/x-www-form-urlencoded")));
                body = operatorValue(valid);
            } else {
                body = mutations.get(i % mutations.size()).apply(valid);
            }
            probes.add(new Probe(endpoint, method, path.apply(i), sent, body));
        }
        return probes;
    }

    private byte[] truncated(String valid) {
        return valid.substring(0, 1 + random.nextInt(valid.length() - 2)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] brokenSyntax(String valid) {
        String broken = switch (random.nextInt(8)) {
            case 0 -> valid.replaceFirst(":", "=");
            case 1 -> valid.replace("\"", "'");
            case 2 -> valid.substring(0, valid.lastIndexOf('}')) + ",}";
            case 3 -> valid.replaceFirst("\\{", "{,");
            case 4 -> valid + "}";
            case 5 -> valid.replaceFirst("\"(\\w+)\":", "$1:");
            case 6 -> "/* comment */" + valid;
            default -> valid.replaceFirst(",", ",,");
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wrongType(String valid) {
        return replaceValue(valid, pick(List.of("{}", "[]", "[1,2,3]", "{\"a\":1}", "true", "-0.5", "1.5e3")));
    }

    private byte[] hugeNumber(String valid) {
        return replaceValue(valid, pick(List.of("1e400", "-1e400", "123456789012345678901234567890",
                "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(2000), "0." + "1".repeat(2000))));
    }

    private byte[] operatorValue(String valid) {
        return replaceValue(valid, pick(OPERATOR_VALUES));
    }

    private byte[] unknownOperatorField(String valid) {
        String injected = pick(List.of("\"$where\":\"sleep(5000)\"", "\"$gt\":\"\"", "\"status\":\"PUBLISHED\"",
                "\"version\":99", "\"_id\":{\"$oid\":\"000000000000000000000000\"}", "\"__proto__\":{}"));
        String broken = "{" + injected + "," + valid.substring(valid.indexOf('{') + 1);
        return random.nextBoolean() ? broken.getBytes(StandardCharsets.UTF_8)
                : replaceValue(broken, pick(OPERATOR_VALUES));
    }

    private byte[] controlCharacter(String valid) {
        int at = lastStringValue(valid);
        String control = pick(List.of("\u0000", "\u0001", "\u0007", "\u001b[2J", "\n", "\u007f"));
        if (random.nextBoolean()) {
            return (valid.substring(0, at) + control + valid.substring(at)).getBytes(StandardCharsets.UTF_8);
        }
        String escaped = valid.substring(0, at) + "\\u0000\\u001b" + valid.substring(at);
        return replaceValue(escaped, pick(List.of("\"\\u0000\"", "\"\\u0000\\u0000\\u0000\\u0000\\u0000\"",
                "\"\\ud800\"", "\"\\u001f\\u001f\\u001f\\u001f\\u001f\"")));
    }

    /** Where the first string value of the body begins (after its opening quote). */
    private static int firstStringValue(String valid) {
        Matcher m = STRING_VALUE.matcher(valid);
        if (!m.find()) {
            throw new IllegalArgumentException("No string value in " + valid);
        }
        return m.end();
    }

    /** Where the last string value of the body (a free text or link in every body here) begins. */
    private static int lastStringValue(String valid) {
        Matcher m = STRING_VALUE.matcher(valid);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        return last;
    }

    private byte[] invalidUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int quote = valid.substring(0, firstStringValue(valid)).getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88,
                    (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, quote);
        out.writeBytes(bad);
        out.write(bytes, quote, bytes.length - quote);
        return out.toByteArray();
    }

    private byte[] deepNesting(String valid) {
        int depth = random.nextBoolean() ? 10_000 : 1_000 + random.nextInt(2_000);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return (random.nextBoolean() ? nested : new String(replaceValue(valid, nested), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] notAnObject(String valid) {
        return pick(List.of("", "null", "[]", "\"text\"", "12345", "[" + valid + "]", "{}", "{\"\":\"\"}",
                "\uFEFF\uFEFF")).getBytes(StandardCharsets.UTF_8);
    }

    /** The body with the value of one of its top-level string, number or enum fields replaced. */
    private byte[] replaceValue(String valid, String value) {
        List<int[]> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"\\w+\":(\"[^\"]*\"|-?\\d+|true|false)")
                .matcher(valid);
        while (m.find()) {
            values.add(new int[] {m.start(1), m.end(1)});
        }
        int[] chosen = values.get(random.nextInt(values.size()));
        return (valid.substring(0, chosen[0]) + value + valid.substring(chosen[1])).getBytes(StandardCharsets.UTF_8);
    }

    private List<Probe> uploads(String path) {
        List<String> names = List.of("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/shadow",
                "bukti.pdf\u0000.sh", "%2e%2e%2f%2e%2e%2fbukti.pdf", "....//....//bukti.pdf", "x".repeat(2000) + ".pdf",
                "bukti\r\nX-Injected: 1.pdf", "$where.pdf", "{\"$gt\":\"\"}.png", "CON.pdf", "");
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String name = pick(names);
            byte[] content = switch (i % 8) {
                case 0 -> new byte[0];
                case 1 -> "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
                case 2 -> "%PDX-1.7 not a pdf".getBytes(StandardCharsets.UTF_8);
                case 3 -> "<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
                case 4 -> new byte[] {(byte) 0xFF, (byte) 0xD8};
                case 5 -> "GIF89a".getBytes(StandardCharsets.UTF_8);
                default -> randomBytes(1 + random.nextInt(4096));
            };
            String part = i % 9 == 8 ? pick(List.of("files", "upload", "file[]", "$where")) : "file";
            byte[] body;
            String contentType = "multipart/form-data; boundary=bad-input-boundary";
            if (i < 2) {
                byte[] huge = new byte[TEN_MB + 1024];
                System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 8);
                body = multipart(part, "besar.pdf", huge);
            } else if (i % 20 == 7) {
                body = Arrays.copyOf(multipart(part, name, "%PDF-1.7".getBytes(StandardCharsets.UTF_8)), 60);
            } else if (i % 20 == 13) {
                contentType = pick(List.of(JSON, "multipart/form-data", "multipart/form-data; boundary="));
                body = multipart(part, name, content);
            } else if (i % 20 == 17) {
                body = "--bad-input-boundary--\r\n".getBytes(StandardCharsets.UTF_8);
            } else {
                body = multipart(part, name, content);
            }
            probes.add(new Probe("POST /api/v1/innovations/{id}/evidence/{indicator}/files", "POST", path,
                    with(portal, "Content-Type", contentType), body));
        }
        return probes;
    }

    private static byte[] multipart(String part, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--bad-input-boundary\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--bad-input-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * Query strings with one or more invalid parameters; {@code strict} endpoints also refuse unknown parameter
     * names, so operator-shaped names ({@code year[$gt]}) are sent to them too.
     */
    private List<Probe> query(String endpoint, String path, Map<String, String> headers, boolean strict,
            String... parameters) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            StringBuilder query = new StringBuilder();
            boolean unknownName = strict && (parameters.length == 0 || i % 4 == 3);
            if (unknownName) {
                String name = parameters.length == 0 ? pick(List.of("year", "status", "field", "q", "by"))
                        : pick(Arrays.asList(parameters));
                query.append(pick(List.of(name + "%5B%24gt%5D", name + "%5B%24ne%5D", "%24where", name + ".%24gt",
                        "%00", name + "%C3%28", "x".repeat(3000)))).append('=').append(pick(BAD_QUERY_VALUES));
            } else {
                String name = pick(Arrays.asList(parameters));
                query.append(name).append('=').append(badValue(name));
            }
            if (i % 3 == 0 && parameters.length > 0) {
                String other = pick(Arrays.asList(parameters));
                query.append('&').append(other).append('=').append(badValue(other));
            }
            probes.add(new Probe(endpoint, "GET", path + "?" + query, headers, null));
        }
        return probes;
    }

    private String badValue(String parameter) {
        return switch (parameter) {
            case "q" -> URLEncoder.encode(pick(List.of("$where ", "{\"$gt\":\"\"} ", "layanan ", "\u0000 ")),
                    StandardCharsets.UTF_8) + "x".repeat(201);
            case "page", "size" -> pick(List.of("-1", "1000000", "2147483648", "99999999999999999999", "abc",
                    "1e3", "%7B%22%24gt%22%3A0%7D", "-2147483649", "%00"));
            case "opdCode" -> pick(BAD_QUERY_VALUES.stream().filter(v -> !OPD_CODE.matcher(v).matches()).toList());
            default -> pick(BAD_QUERY_VALUES);
        };
    }

    /** Malformed ids and file ids in every path that takes one, at least {@link #PER_ENDPOINT} per endpoint. */
    private List<Probe> ids() {
        String evidence = "/api/v1/innovations/" + innovationId + "/evidence/" + indicator + "/files/";
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT * 8; i++) {
            String id = pick(BAD_IDS);
            probes.add(switch (i % 8) {
                case 0 -> new Probe("GET /api/v1/innovations/{id}", "GET", "/api/v1/innovations/" + id, reviewer,
                        null);
                case 1 -> new Probe("GET /api/v1/innovations/{id}/history", "GET",
                        "/api/v1/innovations/" + id + "/history", reviewer, null);
                case 2 -> new Probe("GET /api/v1/innovations/{id}/evidence", "GET",
                        "/api/v1/innovations/" + id + "/evidence", reviewer, null);
                case 3 -> new Probe("GET /api/v1/submissions/{id}", "GET", "/api/v1/submissions/" + id, portal, null);
                case 4 -> new Probe("GET .../evidence/{indicator}/files/{fileId}", "GET", evidence + id, reviewer,
                        null);
                case 5 -> new Probe("DELETE .../evidence/{indicator}/files/{fileId}", "DELETE", evidence + id,
                        portal, null);
                case 6 -> new Probe("GET /api/v1/opds/{code}", "GET", "/api/v1/opds/" + id, Map.of(), null);
                default -> new Probe("POST /api/v1/innovations/{id}/review (bad id)", "POST",
                        "/api/v1/innovations/" + id + "/review",
                        with(with(reviewer, "If-Match", version), "Content-Type", JSON),
                        "{\"decision\":\"VERIFY\"}".getBytes(StandardCharsets.UTF_8));
            });
        }
        return probes;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = 0x00;
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
