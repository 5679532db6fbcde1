package id.go.bangka.inovasi.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.ops.IntakeStub;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CSV and XLSX exports against a real broker and the MongoDB stand-in: two innovations of an OPD only this test
 * uses are published through the review API, a third stays SUBMITTED; both files are parsed back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {

    private static final String OPD = "KEC-PEMALI";
    private static final String OPD_NAME = "Kecamatan Pemali";
    private static final IntakeStub REGISTRY = new IntakeStub(
            "[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan\"},{\"code\":\"" + OPD + "\",\"name\":\""
                    + OPD_NAME + "\",\"kind\":\"KECAMATAN\"}]");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REVIEWER_NOTE = "Catatan internal reviewer, jangan dibagikan";
    private static final String TRICKY = "Antre berkurang, \"tanpa\" kertas\r\nbaris kedua";
    private static final String FORMULA = "=SUM(1,2)";
    private static final String CONSENTED_NAME = "Rina Lestari, S.Kep";
    private static final String WITHHELD_NAME = "Budi Santoso";
    private static final List<String> HEADERS = List.of("ID Inovasi", "Nama Inovasi", "Perangkat Daerah", "Tahun",
            "Kode Bidang", "Bidang", "Kode Urusan Pemerintahan", "Urusan Pemerintahan", "Kode Urusan Lainnya",
            "Urusan Lainnya", "Kode Bentuk Inovasi", "Bentuk Inovasi", "Kode Jenis Inovasi", "Jenis Inovasi",
            "Kode Tahapan", "Tahapan", "Kode Asal Inovasi", "Asal Inovasi", "Kode Program Asal", "Program Asal",
            "Kode Inisiator", "Inisiator", "Nama Inisiator", "Tanggal Uji Coba", "Tanggal Penerapan",
            "Rancang Bangun", "Tujuan", "Manfaat", "Hasil", "Tautan Video", "Tautan Aplikasi", "Tautan Dokumen",
            "Waktu Publikasi", "Nama Perangkat Daerah");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
        registry.add("inovasi.catalog.intake-uri", REGISTRY::uri);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private ApiClient api;
    private SubmissionReceived consented;
    private SubmissionReceived anonymousInitiator;
    private SubmissionReceived unpublished;

    @BeforeAll
    void publishTwoAndLeaveOneSubmitted() {
        api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
        Instant sameMoment = Instant.now();
        // By title the search ignores case: "e-Abang..." before "Motor...", where MongoDB's own order is the reverse.
        consented = submission(idStartingWith('0'), proposal("e-Abang Timah Untuk Bu Disa " + suffix,
                InnovationField.HEALTH, 2022, CONSENTED_NAME, true), sameMoment);
        anonymousInitiator = submission(idStartingWith('f'), proposal("Motor Kancil " + suffix,
                InnovationField.EDUCATION, 2023, WITHHELD_NAME, false), sameMoment);
        unpublished = submission(UUID.randomUUID(), proposal("Smart-in PIRT " + suffix, InnovationField.HEALTH, 2022,
                "Tim Inovasi " + OPD, true), sameMoment);
        for (SubmissionReceived event : List.of(consented, anonymousInitiator, unpublished)) {
            deliver(event);
        }
        for (SubmissionReceived event : List.of(consented, anonymousInitiator, unpublished)) {
            await().atMost(WAIT).until(() -> api.get("/api/v1/submission-outcomes/" + event.submissionId(),
                    TestIdentities.reviewer("bappeda")).status() == 200);
        }
        for (SubmissionReceived event : List.of(consented, anonymousInitiator)) {
            review(event, "{\"decision\":\"VERIFY\"}");
            review(event, "{\"decision\":\"PUBLISH\",\"note\":\"" + REVIEWER_NOTE + "\"}");
        }
        await().atMost(WAIT).until(() -> api.get("/api/v1/innovations?opdCode=" + OPD + "&status=PUBLISHED",
                TestIdentities.anonymous()).body().get("total").asLong() == 2);
    }

    @Test
    void aTextMatchesAsTheSearchMatchesItAndStillOnlyPublished() {
        assertThat(ids(download("q=" + URLEncoder.encode("motor kancl " + suffix, StandardCharsets.UTF_8),
                TestIdentities.anonymous()))).containsExactly(anonymousInitiator.innovationId().toString());
        assertThat(ids(download("q=" + URLEncoder.encode("pirt " + suffix, StandardCharsets.UTF_8),
                TestIdentities.reviewer("bappeda")))).isEmpty();
    }

    @Test
    void withoutASortATextsFileListsTheBestMatchFirstAsThePageDoes() {
        Answer page = api.get("/api/v1/innovations?q=" + suffix, TestIdentities.anonymous());

        assertThat(ids(download("q=" + suffix, TestIdentities.anonymous()))).as("the page's order")
                .containsExactlyElementsOf(page.body().get("items").valueStream().map(i -> i.get("id").asString())
                        .toList())
                .as("the shorter title matches best; newest first would list the other first (by id)")
                .containsExactly(anonymousInitiator.innovationId().toString(), consented.innovationId().toString());
    }

    @Test
    void csvHasIndonesianHeadersAndOnlyThePublishedInnovationsPublicFields() {
        Download csv = download("opdCode=" + OPD + "&sort=TITLE", TestIdentities.reviewer("bappeda"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .matches("attachment; filename=\"inovasi-bangka-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = csv.text();
        assertThat(text).contains("\r\n").doesNotContain(REVIEWER_NOTE).doesNotContain(unpublished.proposal().title())
                .doesNotContain(WITHHELD_NAME);

        List<CSVRecord> records = parseCsv(text);
        assertThat(records.get(0).values()).containsExactlyElementsOf(HEADERS);
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(consented.innovationId().toString(),
                anonymousInitiator.innovationId().toString());
        CSVRecord first = rows.get(0);
        assertThat(first.get(column("Nama Inovasi"))).isEqualTo(consented.proposal().title());
        assertThat(first.get(column("Perangkat Daerah"))).isEqualTo(OPD);
        assertThat(first.get(column("Nama Perangkat Daerah"))).isEqualTo(OPD_NAME);
        assertThat(first.get(column("Tahun"))).isEqualTo("2022");
        assertThat(first.get(column("Kode Bidang"))).isEqualTo("HEALTH");
        assertThat(first.get(column("Bidang"))).isEqualTo("Kesehatan");
        assertThat(first.get(column("Urusan Lainnya"))).isEqualTo("Komunikasi dan informatika");
        assertThat(first.get(column("Tanggal Uji Coba"))).isEqualTo("2021-06-01");
        assertThat(first.get(column("Tujuan"))).isEqualTo(TRICKY);
        assertThat(first.get(column("Hasil"))).as("formula neutralised").isEqualTo("'" + FORMULA);
        assertThat(first.get(column("Nama Inisiator"))).as("consented").isEqualTo(CONSENTED_NAME);
        assertThat(Instant.parse(first.get(column("Waktu Publikasi")))).isBefore(Instant.now().plusSeconds(1));
        assertThat(rows.get(1).get(column("Nama Inisiator"))).as("no consent").isEmpty();
    }

    @Test
    void theSearchFiltersApplyAndNoRoleOrStatusFilterReachesBeyondPublished() {
        assertThat(ids(download("opdCode=" + OPD + "&field=EDUCATION", TestIdentities.anonymous())))
                .containsExactly(anonymousInitiator.innovationId().toString());
        assertThat(ids(download("opdCode=" + OPD + "&yearFrom=2022&yearTo=2022&stage=IMPLEMENTATION",
                TestIdentities.anonymous()))).containsExactly(consented.innovationId().toString());

        Download drafts = download("opdCode=" + OPD + "&status=SUBMITTED", TestIdentities.reviewer("bappeda"));
        assertThat(drafts.status()).isEqualTo(200);
        assertThat(parseCsv(drafts.text())).hasSize(1);

        Download owner = download("opdCode=" + OPD + "&sort=OLDEST", TestIdentities.portal("portal-pemali", OPD));
        Answer search = api.get("/api/v1/innovations?opdCode=" + OPD + "&sort=OLDEST&status=PUBLISHED",
                TestIdentities.anonymous());
        assertThat(ids(owner)).as("the search's order").containsExactlyElementsOf(
                search.body().get("items").valueStream().map(i -> i.get("id").asString()).toList());
        assertThat(ids(owner)).as("submitted at the same moment: by id").containsExactly(
                consented.innovationId().toString(), anonymousInitiator.innovationId().toString());
        assertThat(owner.text()).as("the owner's export is public too").doesNotContain(WITHHELD_NAME);
    }

    @Test
    void xlsxHasTheSameRowsAsTextAndNumberCells() throws IOException {
        Download xlsx = download("opdCode=" + OPD + "&sort=TITLE&format=xlsx", TestIdentities.anonymous());

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).endsWith(".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Inovasi");
            assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(consented.innovationId().toString());
            assertThat(first.getCell(column("Tahun")).getNumericCellValue()).isEqualTo(2022);
            assertThat(first.getCell(column("Perangkat Daerah")).getStringCellValue()).isEqualTo(OPD);
            assertThat(first.getCell(column("Nama Perangkat Daerah")).getStringCellValue()).isEqualTo(OPD_NAME);
            assertThat(first.getCell(column("Tujuan")).getStringCellValue()).isEqualTo(TRICKY);
            Cell formula = first.getCell(column("Hasil"));
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(first.getCell(column("Nama Inisiator")).getStringCellValue()).isEqualTo(CONSENTED_NAME);
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getStringCellValue())
                    .isEqualTo(anonymousInitiator.innovationId().toString());
            assertThat(second.getCell(column("Nama Inisiator"))).isNull();
            assertThat(second.getCell(column("Bidang")).getStringCellValue()).isEqualTo("Pendidikan");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"format=pdf", "format=json", "year=abc", "sort=RANDOM", "field=SPACE", "opdCode=$where",
        "yearTo=1900", "status=GONE"})
    void aBadParameterIsA400Problem(String query) {
        Answer answer = api.get("/api/v1/innovations/export?" + query, TestIdentities.anonymous());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body().toString()).as("names the parameter").contains(query.substring(0, query.indexOf('=')));
    }

    private record Download(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Download download(String query, Map<String, String> identity) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/innovations/export?" + query)).timeout(WAIT);
        TestIdentities.addTo(request, identity, "catalog-service");
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record, the header first; the byte order mark is not part of the first header. */
    private static List<CSVRecord> parseCsv(String text) {
        assertThat(text).startsWith("\uFEFF");
        try {
            return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(Download csv) {
        assertThat(csv.status()).isEqualTo(200);
        return parseCsv(csv.text()).stream().skip(1).map(r -> r.get(0)).toList();
    }

    private static int column(String header) {
        return HEADERS.indexOf(header);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private InnovationProposal proposal(String title, InnovationField field, int year, String initiatorName,
            boolean namePublic) {
        InnovationProposal p = Proposals.full(title, OPD, field, year);
        return new InnovationProposal(p.title(), p.opdCode(), p.source(), p.initiatorType(), initiatorName,
                namePublic, p.field(), p.governmentAffair(), p.secondaryAffairs(), p.form(), p.kind(), p.stage(),
                p.programme(), p.year(), p.trialDate(), p.implementationDate(), p.design(), TRICKY, p.benefits(),
                FORMULA, p.links());
    }

    private static SubmissionReceived submission(UUID innovationId, InnovationProposal proposal, Instant at) {
        return new SubmissionReceived(UUID.randomUUID(), innovationId, SubmissionAction.CREATE, 0,
                new Caller("portal-pemali", "portal"), OPD, at, proposal, null);
    }

    /** A random id whose text starts with the given digit: as signed numbers, ids from 8 up sort before 0. */
    private static UUID idStartingWith(char hexDigit) {
        return UUID.fromString(hexDigit + UUID.randomUUID().toString().substring(1));
    }

    private static void deliver(SubmissionReceived event) {
        TopicWriter.send(EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.SUBMISSIONS,
                event.innovationId().toString(), Map.of(CloudEventHeaders.ID, event.submissionId().toString(),
                        CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED, CloudEventHeaders.SPEC_VERSION, "1.0"),
                EventCodec.encode(event));
    }

    private void review(SubmissionReceived event, String body) {
        Answer answer = api.post("/api/v1/innovations/" + event.innovationId() + "/review",
                TestIdentities.reviewer("bappeda"), body);
        assertThat(answer.status()).as(body).isEqualTo(200);
    }
}
