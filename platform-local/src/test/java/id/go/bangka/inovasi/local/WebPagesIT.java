package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestOidcProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web pages in a real browser (headless Chromium through chromedriver) against the running platform: the
 * catalogue's search, filters and detail page, the dashboard's live numbers, a reviewer publishing from the
 * console, and an OPD proposing, evidencing, revising and withdrawing in Ruang OPD. It counts exactly, so it runs on
 * infrastructure of its own. Screenshots of every page go to {@code platform-local/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** How often a wait looks at the page again (Selenium's default is every 500 ms). */
    private static final Duration POLL = Duration.ofMillis(50);
    /** axe-core's script as web/package.json pins it (the build's npm ci in web/ installs it). */
    private static final Path AXE = TestPlatform.ROOT.resolve("web/node_modules/axe-core/axe.min.js");
    private static final String PORTAL_KEY = "web-portal-key-" + UUID.randomUUID();
    private static final String REVIEWER_KEY = "web-reviewer-key-" + UUID.randomUUID();
    private static final String SEEDED = "Layanan Kesehatan Keliling Desa";
    private static final String LIVE = "Sekolah Ramah Anak Digital";
    private static final String REVIEWED = "Posyandu Pintar Baturusa";
    /** Proposed, evidenced, revised and withdrawn in Ruang OPD. */
    private static final String OPD_TITLE = "Posyandu Remaja Digital Sungailiat";
    /** More published innovations, so that the charts have something to show. */
    private static final List<Seed> MORE = List.of(
            new Seed("Sistem Informasi Desa Terpadu", "DISKOMINFO", "GOVERNANCE", 2023, "IMPLEMENTATION"),
            new Seed("Lumbung Pangan Desa Mandiri", "DISTAN", "FOOD_SECURITY", 2024, "TRIAL"),
            new Seed("Bank Sampah Digital Sungailiat", "DLH", "ENVIRONMENT", 2025, "INITIATIVE"),
            new Seed("Kartu Bangka Sejahtera", "DINSOS", "POVERTY_ALLEVIATION", 2024, "IMPLEMENTATION"),
            new Seed("Perizinan Sekali Klik", "DPMPTSP", "ECONOMIC_GROWTH_AND_EMPLOYMENT", 2025, "TRIAL"));

    /** The OPD of the console's queue test: more proposals than a page of the queue, one of them found by text. */
    private static final String KONSOL_OPD = "DISHUB";
    /** The OPDs the portal's key may act for. */
    private static final List<String> PORTAL_OPDS = List.of("DINKES", "DISDIK", "DISKOMINFO", "DISTAN", "DLH", "DINSOS",
            "DPMPTSP", KONSOL_OPD);
    private static final String KONSOL_FOUND = "Ojek Sekolah Nelayan Pemali";

    /** One proposal to submit. */
    private record Seed(String title, String opdCode, String field, int year, String stage) {
    }

    /** The web pages' client id at {@link #IDP}, and the user it signs in: a portal of DINKES. */
    private static final String WEB_CLIENT_ID = "inovasi-web";
    private static final String SSO_USER = "sso-dinkes";
    private static final TestOidcProvider IDP = new TestOidcProvider();

    private static EmbeddedInfrastructure infrastructure;
    private static TestPlatform platform;
    private static ApiClient gateway;
    private static WebDriver browser;
    private static WebDriverWait until;
    private static Path screenshots;
    private static Path downloads;
    private static Map<String, String> ids;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("WebPagesIT needs Debian's Chromium and chromedriver: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them)").isTrue();
        Path work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/web"));
        screenshots = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/screenshots"));
        downloads = Files.createDirectories(work.resolve("downloads"));
        Path clients = TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY,
                PORTAL_OPDS.toArray(String[]::new));
        infrastructure = EmbeddedInfrastructure.startNew();
        platform = TestPlatform.start(infrastructure, work, clients, Map.of("INOVASI_OIDC_ISSUER_URI", IDP.issuer(),
                "INOVASI_OIDC_WEB_CLIENT_ID", WEB_CLIENT_ID));
        gateway = new ApiClient(platform.gatewayUri());
        ids = Map.of(SEEDED, submit(new Seed(SEEDED, "DINKES", "HEALTH", 2022, "IMPLEMENTATION")),
                LIVE, submit(new Seed(LIVE, "DISDIK", "EDUCATION", 2023, "IMPLEMENTATION")),
                REVIEWED, submit(new Seed(REVIEWED, "DINKES", "HEALTH", 2024, "IMPLEMENTATION")));
        List<String> published = new ArrayList<>(List.of(ids.get(SEEDED)));
        MORE.forEach(seed -> published.add(submit(seed)));
        Stream.concat(ids.values().stream(), published.stream()).forEach(id -> await().atMost(WAIT)
                .until(() -> gateway.get("/api/v1/innovations/" + id, reviewer()).status() == 200));
        published.forEach(id -> {
            review(id, "VERIFY");
            review(id, "PUBLISH");
        });
        browser = chromium();
        until = new WebDriverWait(browser, WAIT, POLL);
        until.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.stop();
        }
        if (infrastructure != null) {
            infrastructure.stop();
        }
        IDP.stop();
    }

    @Test
    @Order(1)
    void theCatalogueFindsAPublishedInnovationBySearchAndFilterAndShowsItsPage() throws IOException {
        assertThat(gateway.get("/", Map.of()).header("Content-Security-Policy"))
                .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        browser.get(platform.gatewayUri() + "/");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), SEEDED));
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(1 + MORE.size());
        screenshot("beranda");
        assertThat(browser.findElements(By.cssSelector("#nav a[href^='#/konsol']"))).as("public navigation").isEmpty();
        assertThat(browser.findElement(By.id("footer-konsol")).getText()).isEqualTo("Konsol Peninjau");
        assertThat(browser.findElement(By.id("footer-konsol")).getAttribute("href")).endsWith("#/konsol");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(script("return document.activeElement.id")).as("the skip link comes first").isEqualTo("skip-link");
        assertThat(script("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("focus is visible").isEqualTo("solid");
        browser.findElement(By.id("q")).sendKeys("kesehatan", Keys.ENTER);
        until.until(ExpectedConditions.urlContains("q=kesehatan"));
        awaitView();
        new Select(browser.findElement(By.id("filter-field"))).selectByValue("HEALTH");
        until.until(ExpectedConditions.urlContains("field=HEALTH"));
        awaitView();
        until.until(ExpectedConditions.textToBe(By.id("result-count"), "1 inovasi ditemukan"));
        assertThat(browser.findElement(By.id("filter-field")).getText()).contains("Kesehatan (1)");
        String search = browser.getCurrentUrl();
        assertEveryControlIsLabelled();
        screenshot("katalog");
        assertAccessibleAndFits("katalog");

        browser.findElement(By.partialLinkText(SEEDED)).sendKeys(Keys.ENTER);
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
        awaitView();
        assertThat(script("return document.activeElement.id")).as("the new view has focus").isEqualTo("main");
        assertThat(script("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("no outline around the whole view after keyboard navigation").isEqualTo("none");
        assertThat(browser.getCurrentUrl()).endsWith("#/inovasi/" + ids.get(SEEDED));
        assertThat(browser.findElement(By.id("text-benefits")).getText()).isEqualTo("Layanan lebih cepat");
        assertThat(browser.findElement(By.id("fact-opdCode")).getText()).isEqualTo("Dinas Kesehatan");
        assertThat(browser.findElement(By.id("fact-stage")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("video-link")).getAttribute("href")).contains("youtube.com");
        screenshot("inovasi");
        assertAccessibleAndFits("inovasi");

        browser.findElement(By.id("lang-switch")).click();
        until.until(ExpectedConditions.textToBe(By.id("nav-katalog"), "Innovation Catalogue"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
        assertThat(browser.findElement(By.id("innovation-title")).getAttribute("lang"))
                .as("the record's Indonesian text marked in English mode").isEqualTo("id");
        assertThat(browser.findElement(By.id("text-benefits")).getAttribute("lang")).isEqualTo("id");
        assertThat(browser.findElement(By.id("footer-konsol")).getText()).isEqualTo("Reviewer Console");
        browser.findElement(By.id("lang-switch")).click();
        until.until(ExpectedConditions.textToBe(By.id("nav-katalog"), "Katalog Inovasi"));

        browser.manage().window().setSize(new Dimension(390, 1400));
        browser.get(search);
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), SEEDED));
        assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        screenshot("katalog-ponsel");
        browser.manage().window().setSize(new Dimension(1366, 1500));
    }

    @Test
    @Order(2)
    void theDashboardCountsAPublicationLiveWithoutReloading() throws IOException {
        browser.get(platform.gatewayUri() + "/#/dasbor");
        until.until(ExpectedConditions.textToBe(By.id("kpi-total"), Integer.toString(1 + MORE.size())));
        until.until(ExpectedConditions.attributeContains(By.id("live-state"), "class", "on"));
        script("window.sameDocument = true");

        review(ids.get(LIVE), "VERIFY");
        review(ids.get(LIVE), "PUBLISH");

        until.until(ExpectedConditions.textToBe(By.id("kpi-total"), Integer.toString(2 + MORE.size())));
        assertThat(script("return window.sameDocument === true")).as("updated through the stream, not a reload")
                .isEqualTo(true);
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iid-missing"), "Pendidikan"));
        browser.findElement(By.id("csv-field")).click();
        Path csv = downloads.resolve("inovasi-bangka-field.csv");
        await().atMost(WAIT).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        assertThat(Files.readString(csv)).startsWith("field,field_label_id,field_label_en,count")
                .contains("EDUCATION,Pendidikan,Education,1");
        browser.findElement(By.id("csv-opd")).click();
        Path opdCsv = downloads.resolve("inovasi-bangka-opd.csv");
        await().atMost(WAIT).until(() -> Files.exists(opdCsv) && Files.size(opdCsv) > 0);
        assertThat(Files.readString(opdCsv)).as("OPDs named, with their codes")
                .startsWith("opd,opd_label_id,opd_label_en,count")
                .contains("DISDIK,Dinas Pendidikan,Dinas Pendidikan,1");
        screenshot("dasbor");
        assertThat(script("return document.getElementById('live-text').closest('[aria-live], [role=status]')"))
                .as("the update time, changing with every event, is not announced").isNull();
        assertAccessibleAndFits("dasbor");
    }

    @Test
    @Order(3)
    void aReviewerAcceptsEvidenceVerifiesAndPublishesFromTheConsole() throws IOException {
        String id = ids.get(REVIEWED);
        assertThat(gateway.put("/api/v1/innovations/" + id + "/evidence/16", Map.of("X-Api-Key", PORTAL_KEY),
                "{\"parameter\":2,\"links\":[\"https://jdih.bangka.go.id/perbup-posyandu.pdf\"]}").status())
                .isEqualTo(200);

        browser.get(platform.gatewayUri() + "/#/konsol");
        until.until(ExpectedConditions.elementToBeClickable(By.id("api-key"))).sendKeys(REVIEWER_KEY);
        browser.findElement(By.id("sign-in")).click();
        until.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(REVIEWED))).click();
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), REVIEWED));
        assertThat(script("return sessionStorage.getItem('inovasi.reviewerKey')")).isEqualTo(REVIEWER_KEY);

        browser.findElement(By.id("evidence-16-ACCEPTED")).click();
        until.until(ExpectedConditions.textToBe(By.id("state-16"), "Diterima"));
        until.until(ExpectedConditions.elementToBeClickable(By.id("decide-VERIFY"))).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("confirm-VERIFY"))).click();
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Terverifikasi"));
        assertEveryControlIsLabelled();
        screenshot("konsol");
        assertAccessibleAndFits("konsol");
        until.until(ExpectedConditions.elementToBeClickable(By.id("decide-PUBLISH"))).click();
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Dipublikasikan"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("Publikasikan", "Verifikasi");

        Answer published = gateway.get("/api/v1/innovations/" + id, Map.of());
        assertThat(published.status()).as("the public sees it now").isEqualTo(200);
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        screenshot("konsol-riwayat");
    }

    @Test
    @Order(4)
    void aReviewerRecordsTheSpdAndTheDashboardShowsOneIndexInsteadOfTheRange() {
        browser.get(platform.gatewayUri() + "/#/dasbor");
        until.until(d -> d.findElement(By.id("iid-case")).getAttribute("data-basis").startsWith("SPD_UNKNOWN"));
        // The card is drawn again whenever the live stream brings new numbers: each check finds its element anew.
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iid-case"), "Nilai SPD belum dicatat"));
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iid-value"), "–"));
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iid-thresholds"),
                "Sangat Inovatif ≥ 65,01"));

        browser.get(platform.gatewayUri() + "/#/konsol");
        until.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#spd summary"))).click();
        new Select(until.until(ExpectedConditions.elementToBeClickable(By.id("spd-parameter-1")))).selectByValue("3");
        browser.findElement(By.id("spd-evidence-1")).sendKeys("https://bappeda.bangka.go.id/iid/visi-misi.pdf");
        new Select(browser.findElement(By.id("spd-parameter-8"))).selectByValue("3");
        browser.findElement(By.id("spd-evidence-8")).sendKeys("https://bappeda.bangka.go.id/iid/opini-bpk.pdf");
        // indicator 1 weight 1 x 3 + indicator 8 (Opini BPK) weight 1.5 x 3 = 7.5
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spd-total"), "7,5 dari 63"));
        assertEveryControlIsLabelled();
        browser.findElement(By.id("spd-save")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spd-message"), "versi 1"));
        screenshot("konsol-spd");

        // The IID card is drawn again with each stream event: an element found a moment earlier may be gone.
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            browser.get(platform.gatewayUri() + "/#/dasbor");
            until.until(ExpectedConditions.presenceOfElementLocated(By.id("iid-case")));
            assertThat(browser.findElement(By.id("iid-case")).getAttribute("data-basis")).isEqualTo("SPD_RECORDED");
        });
        assertThat(browser.findElement(By.id("iid-case")).getText()).contains("7,50 dari 63");
        assertThat(browser.findElement(By.id("iid-value")).getText()).doesNotContain("–");
        screenshot("dasbor-spd");
    }

    @Test
    @Order(5)
    void anOpdSignsInByKeyboardOnAPhoneAndADoubleSubmittedProposalWithALostAnswerCreatesOneInnovation() {
        phone(true);
        browser.get(platform.gatewayUri() + "/#/opd");
        WebElement key = until.until(ExpectedConditions.elementToBeClickable(By.id("opd-key")));
        assertThat(browser.findElement(By.id("opd-key-hint")).getText()).contains("Bappeda");
        key.sendKeys(PORTAL_KEY, Keys.ENTER);
        new Select(until.until(ExpectedConditions.elementToBeClickable(By.id("opd-acting")))).selectByValue("DINKES");
        until.until(ExpectedConditions.elementToBeClickable(By.id("opd-new"))).sendKeys(Keys.ENTER);
        until.until(ExpectedConditions.elementToBeClickable(By.id("f-title"))).sendKeys(OPD_TITLE);
        browser.findElement(By.id("f-design")).sendKeys("Posyandu remaja dengan kartu digital dan kunjungan rumah");
        until.until(ExpectedConditions.textToBe(By.id("design-words"), "8 kata (IID: minimal 300)"));
        browser.findElement(By.id("f-goals")).sendKeys("Remaja sehat");
        browser.findElement(By.id("f-trialDate")).sendKeys("01022025");
        browser.findElement(By.id("f-implementationDate")).sendKeys("01062025");
        new Select(browser.findElement(By.id("f-field"))).selectByValue("HEALTH");
        assertEveryControlIsLabelled();
        // The first answer is lost on its way back (the proposal reached intake); the second submit of the double
        // click is ignored while the first is under way, and the retry reuses its Idempotency-Key.
        script("window.__keys = []; const real = window.fetch; let lost = false;"
                + "window.fetch = async (url, init) => { const answer = await real(url, init);"
                + " if (url === '/api/v1/submissions' && init.method === 'POST' && init.headers['Idempotency-Key']) {"
                + " window.__keys.push(init.headers['Idempotency-Key']);"
                + " if (!lost) { lost = true; throw new TypeError('Failed to fetch'); } } return answer; };");
        script("const form = document.getElementById('proposal-form'); form.requestSubmit(); form.requestSubmit();");
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-lost")));
        assertThat(script("return localStorage.getItem('inovasi.opd.draft.new.DINKES') !== null"))
                .as("the draft is kept until an answer comes").isEqualTo(true);
        browser.findElement(By.id("proposal-send")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("opd-applied")));
        assertThat(browser.findElement(By.id("opd-applied")).getText()).contains("versi 1");
        assertThat(browser.findElement(By.id("opd-warnings")).getText()).contains("300");
        List<?> keys = (List<?>) script("return window.__keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).as("the retry reuses the key").isEqualTo(keys.get(0));
        assertThat(script("return localStorage.getItem('inovasi.opd.draft.new.DINKES')"))
                .as("the draft is gone once sent").isNull();
        assertThat(queueTitles("DINKES").stream().filter(OPD_TITLE::equals)).as("one innovation").hasSize(1);
        assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        screenshot("opd-pengajuan-ponsel");
        phone(false);
    }

    @Test
    @Order(6)
    void theProposalFormPlacesTheApisFieldErrorsBesideTheirFields() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(platform.gatewayUri() + "/#/opd");
        until.until(ExpectedConditions.elementToBeClickable(By.id("opd-new"))).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("f-title"))).sendKeys("Abc");
        WebElement year = browser.findElement(By.id("f-year"));
        year.clear();
        browser.findElement(By.id("f-links-videoUrl")).sendKeys("bukan alamat");
        browser.findElement(By.id("f-trialDate")).sendKeys("01062025");
        browser.findElement(By.id("f-implementationDate")).sendKeys("01012025");
        browser.findElement(By.id("proposal-send")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-title")));
        assertThat(browser.findElement(By.id("err-year")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("err-links-videoUrl")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("f-title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-title")).getAttribute("aria-describedby")).contains("err-title");
        assertThat(script("return document.activeElement.id")).as("the summary takes focus").isEqualTo("form-errors");
        screenshot("opd-kesalahan");
        assertThat(queueTitles("DINKES")).doesNotContain("Abc");
        script("localStorage.clear()");
    }

    @Test
    @Order(7)
    void anOpdEvidencesReadsTheRevisionRequestRevisesAndWithdrawsAndAStaleRevisionIsExplained() throws IOException {
        browser.manage().window().setSize(new Dimension(1366, 900));
        String id = queue("DINKES").stream().filter(i -> OPD_TITLE.equals(i.get("title").asString())).findFirst()
                .orElseThrow().get("id").asString();
        browser.get(platform.gatewayUri() + "/#/opd/" + id);
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), OPD_TITLE));
        assertThat(browser.findElement(By.id("opd-scores")).getText()).startsWith("Skor klaim 0");
        new Select(browser.findElement(By.id("param-16"))).selectByValue("2");
        browser.findElement(By.id("links-16")).sendKeys("https://jdih.bangka.go.id/perbup-posyandu-remaja.pdf");
        browser.findElement(By.id("save-16")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-scores"), "Skor klaim 6"));
        Path work = TestPlatform.ROOT.resolve("platform-local/target/web");
        Path text = Files.writeString(work.resolve("catatan.txt"), "bukan bukti");
        browser.findElement(By.id("file-16")).sendKeys(text.toString());
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence-status-16"),
                "hanya PDF, JPEG atau PNG"));
        Path big = work.resolve("besar.pdf");
        Files.write(big, new byte[11 * 1024 * 1024]);
        browser.findElement(By.id("file-16")).sendKeys(big.toString());
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence-status-16"),
                "lebih dari 10 MiB"));
        Path pdf = Files.writeString(work.resolve("perbup-posyandu.pdf"), "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
        browser.findElement(By.id("file-16")).sendKeys(pdf.toString());
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-files-16"), "perbup-posyandu.pdf"));
        assertThat(evidenceFiles(id)).as("only the PDF reached the catalogue").containsExactly("perbup-posyandu.pdf");

        long asked = gateway.post("/api/v1/innovations/" + id + "/review", reviewer(), "{\"decision\":"
                + "\"REQUEST_REVISION\",\"message\":\"Lengkapi tautan video kegiatan\",\"note\":\"Cek SK\"}")
                .body().get("version").asLong();
        browser.get(platform.gatewayUri() + "/#/opd");
        awaitView();
        await().atMost(WAIT).until(() -> {
            browser.navigate().refresh();
            awaitView();
            return browser.findElement(By.id("opd-body")).getText().contains("Lengkapi tautan video kegiatan");
        });
        assertThat(browser.findElement(By.id("opd-item-" + id)).getText()).contains("Perlu revisi",
                "Versi " + asked);
        screenshot("opd-daftar");
        assertAccessibleAndFits("opd");
        browser.findElement(By.cssSelector("#opd-item-" + id + " a")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-reviewer-message"),
                "Lengkapi tautan video kegiatan"));
        assertThat(browser.findElement(By.id("opd-history")).getText()).doesNotContain("Cek SK");

        browser.findElement(By.id("f-links-videoUrl")).sendKeys("https://www.youtube.com/watch?v=posyandu-remaja");
        browser.findElement(By.id("proposal-send")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-outcome"), "versi " + (asked + 1)));
        until.until(ExpectedConditions.textToBe(By.id("opd-status"), "Diajukan"));
        Answer revised = gateway.get("/api/v1/innovations/" + id, reviewer());
        assertThat(revised.body().get("version").asLong()).as("the reviewer sees the new version")
                .isEqualTo(asked + 1);
        assertThat(revised.body().get("links").get("videoUrl").asString()).contains("posyandu-remaja");
        screenshot("opd-revisi");

        // Someone else changes it while this page shows the version it was opened at.
        assertThat(gateway.put("/api/v1/innovations/" + id + "/evidence/17", Map.of("X-Api-Key", PORTAL_KEY),
                "{\"parameter\":1,\"links\":[\"https://bkpsdm.bangka.go.id/sk-tim.pdf\"]}").status()).isEqualTo(200);
        browser.findElement(By.id("f-goals")).sendKeys(" dan mandiri");
        browser.findElement(By.id("proposal-send")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("proposal-outcome"), "sudah diubah"));
        assertThat(browser.findElement(By.id("proposal-outcome")).getText()).contains(
                "versi " + (asked + 1), "versi " + (asked + 2)).doesNotContain("CONFLICT");

        phone(true);
        browser.navigate().refresh();
        until.until(ExpectedConditions.elementToBeClickable(By.id("withdraw-reason")));
        assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        screenshot("opd-inovasi-ponsel");
        phone(false);
        browser.findElement(By.id("withdraw-reason")).sendKeys("Digabung ke program lain");
        browser.findElement(By.id("withdraw-send")).click();
        until.until(ExpectedConditions.textToBe(By.id("opd-status"), "Ditarik"));
        assertThat(browser.findElement(By.id("opd-history")).getText()).contains("Digabung ke program lain");
        assertThat(gateway.get("/api/v1/innovations/" + id, reviewer()).body().get("status").asString())
                .isEqualTo("WITHDRAWN");
        screenshot("opd-ditarik");
    }

    @Test
    @Order(8)
    void theConsoleQueuePagesFiltersAndSearchesAndVerifyAndArchiveAreConfirmedOnADesktopAndAPhone() {
        List<String> queued = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            queued.add(submit(new Seed("Angkutan Desa Terjadwal Rute " + n, KONSOL_OPD, "GOVERNANCE", 2025, "TRIAL")));
        }
        String found = submit(new Seed(KONSOL_FOUND, KONSOL_OPD, "ENVIRONMENT", 2025, "IMPLEMENTATION"));
        await().atMost(WAIT).until(() -> queue(KONSOL_OPD).size() == 21);
        assertThat(gateway.put("/api/v1/innovations/" + found + "/evidence/16", Map.of("X-Api-Key", PORTAL_KEY),
                "{\"parameter\":3,\"links\":[\"https://jdih.bangka.go.id/perbup-ojek-sekolah.pdf\"]}").status())
                .isEqualTo(200);

        openConsole("");
        select("queue-opd", KONSOL_OPD);
        until.until(ExpectedConditions.textToBe(By.id("queue-total"), "21 inovasi berstatus Diajukan"));
        until.until(ExpectedConditions.textToBe(By.id("count-SUBMITTED"), "21"));
        until.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-list li"), 20));
        until.until(ExpectedConditions.textToBe(By.id("queue-page"), "Halaman 1 dari 2"));
        for (String text : List.of("Menunggu kurang dari sehari", "Bukti 0 dari 20 indikator", "1 peringatan intake")) {
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#queue-list li"), text));
        }
        until.until(ExpectedConditions.elementToBeClickable(By.id("queue-next"))).click();
        until.until(ExpectedConditions.textToBe(By.id("queue-page"), "Halaman 2 dari 2"));
        for (String text : List.of(KONSOL_FOUND, "Bukti 1 dari 20 indikator", "wajib belum berbukti: 17, 32, 33, 35")) {
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-list"), text));
        }
        select("queue-field", "ENVIRONMENT");
        until.until(ExpectedConditions.textToBe(By.id("queue-total"), "1 inovasi berstatus Diajukan"));
        select("queue-field", "");
        select("queue-waiting", "3");
        until.until(ExpectedConditions.textToBe(By.id("queue-total"), "0 inovasi berstatus Diajukan"));
        select("queue-waiting", "");
        until.until(ExpectedConditions.textToBe(By.id("queue-total"), "21 inovasi berstatus Diajukan"));
        await().atMost(WAIT).untilAsserted(() -> {
            WebElement search = browser.findElement(By.id("queue-q"));
            search.clear();
            search.sendKeys("nelayan", Keys.ENTER);
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-total"), "berstatus Diajukan"));
            assertThat(browser.findElement(By.id("queue-total")).getText()).isEqualTo("1 inovasi berstatus Diajukan");
        });
        assertThat(script("return new Set(['SUBMITTED', 'REVISION_REQUESTED', 'VERIFIED', 'PUBLISHED', 'ARCHIVED',"
                + " 'WITHDRAWN'].map(s => getComputedStyle(document.getElementById('queue-status-' + s))"
                + ".backgroundColor)).size")).as("every status in a colour of its own").isEqualTo(6L);
        assertEveryControlIsLabelled();
        assertNoSidewaysScrolling();
        screenshot("konsol-antrean");

        browser.findElement(By.partialLinkText(KONSOL_FOUND)).click();
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), KONSOL_FOUND));
        assertThat(script("return document.getElementById('text-design').compareDocumentPosition("
                + "document.getElementById('decide-VERIFY')) & Node.DOCUMENT_POSITION_FOLLOWING"))
                .as("the content comes before the decisions").isEqualTo(4L);
        browser.findElement(By.id("evidence-note-16")).sendKeys("Perbup sesuai");
        browser.findElement(By.id("evidence-16-ACCEPTED")).click();
        until.until(ExpectedConditions.textToBe(By.id("state-16"), "Diterima"));
        assertThat(browser.findElement(By.id("indicator-16")).getText()).as("the note beside its indicator")
                .contains("Catatan peninjau: Perbup sesuai");

        browser.findElement(By.id("decide-VERIFY")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-mandatory")));
        assertThat(browser.findElement(By.id("check-mandatory")).getAttribute("class")).isEqualTo("unmet");
        assertThat(browser.findElement(By.id("check-mandatory")).getText()).contains("17, 32, 33, 35");
        assertThat(browser.findElement(By.id("check-design")).getText()).contains("3 kata (IID: minimal 300)");
        assertThat(browser.findElement(By.id("check-warnings")).getText())
                .contains("Rancang bangun hanya 3 kata; IID meminta minimal 300.");
        assertThat(browser.findElement(By.id("confirm-question")).getText())
                .isEqualTo("3 hal belum terpenuhi. Tetap verifikasi?");
        screenshot("konsol-periksa");
        browser.findElement(By.id("confirm-cancel")).click();
        assertThat(browser.findElements(By.id("check-mandatory"))).isEmpty();
        assertThat(browser.findElement(By.id("review-status")).getText()).isEqualTo("Diajukan");
        browser.findElement(By.id("decide-VERIFY")).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("confirm-VERIFY"))).click();
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Terverifikasi"));
        until.until(ExpectedConditions.elementToBeClickable(By.id("decide-PUBLISH"))).click();
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Dipublikasikan"));
        until.until(ExpectedConditions.elementToBeClickable(By.id("decide-ARCHIVE"))).click();
        assertThat(until.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-question"))).getText())
                .startsWith("Arsipkan inovasi ini?");
        browser.findElement(By.id("confirm-cancel")).click();
        assertThat(browser.findElement(By.id("review-status")).getText()).isEqualTo("Dipublikasikan");
        browser.findElement(By.id("decide-ARCHIVE")).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ARCHIVE"))).click();
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Diarsipkan"));
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("Bukti diterima, indikator 16", "Status bukti: Menunggu → Diterima",
                "Bukti indikator 16", "Tautan: – → [https://jdih.bangka.go.id/perbup-ojek-sekolah.pdf]",
                "Diajukan → Terverifikasi", "Dipublikasikan → Diarsipkan").doesNotContain("Diajukan → Diajukan");
        assertThat(gateway.get("/api/v1/innovations/" + found, reviewer()).body().get("status").asString())
                .isEqualTo("ARCHIVED");
        screenshot("konsol-diarsipkan");

        phone(true);
        openConsole("/" + queued.get(0));
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), "Angkutan Desa Terjadwal Rute 1"));
        assertThat(script("return document.getElementById('innovation-title').getBoundingClientRect().top"))
                .as("the item first on a phone, not below the queue").satisfies(top ->
                        assertThat(((Number) top).doubleValue()).isLessThan(844));
        assertNoSidewaysScrolling();
        assertThat(script("return document.getElementById('indicator-16').getBoundingClientRect().right"
                + " <= window.innerWidth")).as("the evidence stacked within the screen").isEqualTo(true);
        phoneScreenshot("konsol-ponsel");
        browser.findElement(By.partialLinkText("Kembali ke antrean")).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("queue-status-SUBMITTED"))).click();
        browser.findElement(By.id("queue-q")).clear();
        select("queue-opd", KONSOL_OPD);
        browser.findElement(By.id("queue-search")).click();
        until.until(ExpectedConditions.textToBe(By.id("queue-total"), "20 inovasi berstatus Diajukan"));
        assertNoSidewaysScrolling();
        phoneScreenshot("konsol-antrean-ponsel");
        phone(false);
    }

    @Test
    @Order(9)
    void theCatalogueRanksOffersEveryFilterAndExportsItAndAnInnovationsSharedAddressPreviewsAndPrints()
            throws IOException, InterruptedException {
        browser.get(platform.gatewayUri() + "/#/katalog?sort=NEWEST");
        until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li")));
        for (String filter : List.of("field", "opdCode", "year", "stage", "kind", "form", "source", "programme",
                "governmentAffair", "yearFrom", "yearTo")) {
            assertThat(browser.findElements(By.id("filter-" + filter))).as("filter " + filter).hasSize(1);
        }
        assertThat(optionTexts("filter-programme")).anyMatch(o -> o.startsWith("Laboratorium inovasi ("));
        assertThat(optionTexts("filter-source")).anyMatch(o -> o.startsWith("Perangkat daerah ("));
        assertThat(optionTexts("filter-form")).hasSizeGreaterThan(1);
        assertThat(optionTexts("filter-governmentAffair")).anyMatch(o -> o.startsWith("Kesehatan ("));
        assertThat(optionTexts("filter-yearFrom")).contains("2022", "2024");
        assertThat(optionTexts("filter-yearTo")).contains("2022", "2024");

        browser.findElement(By.id("q")).sendKeys("desa", Keys.ENTER);
        until.until(ExpectedConditions.urlContains("q=desa"));
        awaitView();
        assertThat(browser.getCurrentUrl()).as("a new query is ranked by relevance").doesNotContain("NEWEST");
        assertThat(new Select(browser.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("RELEVANCE");
        List<String> ranked = gateway.get("/api/v1/innovations?q=desa&size=12", Map.of()).body().get("items")
                .valueStream().map(i -> i.get("title").asString()).toList();
        assertThat(ranked).hasSizeGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#results h3"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(ranked);

        new Select(browser.findElement(By.id("filter-programme"))).selectByValue("INNOVATION_LAB");
        until.until(ExpectedConditions.urlContains("programme=INNOVATION_LAB"));
        awaitView();
        String csvLink = browser.findElement(By.id("export-csv")).getAttribute("href");
        assertThat(csvLink).contains("/api/v1/innovations/export?", "q=desa", "programme=INNOVATION_LAB",
                "format=csv");
        assertThat(browser.findElement(By.id("export-xlsx")).getAttribute("href"))
                .isEqualTo(csvLink.replace("format=csv", "format=xlsx"));
        HttpResponse<String> csv = raw(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).endsWith("\"Waktu Publikasi\",\"Nama Perangkat Daerah\"");
        assertThat(lines).hasSize(1 + ranked.size()).anyMatch(l -> l.contains("\"DINKES\"")
                && l.endsWith("\"Dinas Kesehatan\""));
        screenshot("katalog-relevansi");

        String id = ids.get(SEEDED);
        String shared = platform.gatewayUri() + "/inovasi/" + id;
        HttpResponse<String> page = raw(shared);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<meta property=\"og:title\" content=\"" + SEEDED + "\">",
                "<meta property=\"og:description\" content=\"Layanan lebih cepat\">",
                "<meta property=\"og:url\" content=\"" + shared + "\">", "<title>" + SEEDED + " · Inovasi Bangka");
        String draft = submit(new Seed("Draf Katalog Belum Terbit", "DINKES", "HEALTH", 2025, "TRIAL"));
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + draft, reviewer()).status() == 200);
        assertThat(raw(platform.gatewayUri() + "/inovasi/" + draft).body())
                .as("an unpublished innovation's address is the generic page").doesNotContain("og:title")
                .doesNotContain("Draf Katalog").contains("<title>Inovasi Bangka</title>");

        browser.get(shared);
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
        assertThat(browser.findElement(By.id("fact-programme")).getText()).isEqualTo("Laboratorium inovasi");
        assertThat(browser.findElement(By.id("fact-source")).getText()).isEqualTo("Perangkat daerah");
        assertThat(browser.findElement(By.id("fact-secondaryAffairs")).getText())
                .isEqualTo("Komunikasi dan informatika");
        assertThat(browser.findElement(By.id("links")).getText()).contains("dokumen.pdf (bappeda.bangka.go.id)",
                "inovasi.bangka.go.id").doesNotContain("Dokumen 1");
        script("Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () =>"
                + " Promise.reject(new DOMException('refused', 'NotAllowedError')) } })");
        browser.findElement(By.id("share")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"), "menolak"));
        assertThat(browser.findElement(By.id("share-address")).getAttribute("value")).isEqualTo(shared);

        until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#print-qr svg")));
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(script("return getComputedStyle(document.getElementById('print-qr')).display")).isEqualTo("flex");
        assertThat(script("return getComputedStyle(document.querySelector('.site-header')).display"))
                .isEqualTo("none");
        assertThat(browser.findElement(By.id("print-qr")).getText()).contains(shared);
        screenshot("inovasi-cetak");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        phone(true);
        try {
            browser.get(platform.gatewayUri() + "/#/katalog");
            until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li")));
            assertThat(((Number) script("return document.querySelector('#results li').getBoundingClientRect().top"))
                    .doubleValue()).as("the first result on the first screen").isLessThan(844);
            assertNoSidewaysScrolling();
            screenshot("katalog-ponsel-390");
            browser.get(shared);
            until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
            assertNoSidewaysScrolling();
            screenshot("inovasi-ponsel-390");
        } finally {
            phone(false);
        }
    }

    @Test
    @Order(40)
    void theDashboardExplainsTheIndexInIndonesianNumbersFiltersByYearAndFitsAPhone() {
        openDashboard(null);
        assertThat(browser.findElement(By.id("iid-bands")).getText()).as("the gauge's category thresholds")
                .contains("Sangat Inovatif ≥ 65,01", "Inovatif ≥ 40,01", "Kurang Inovatif ≥ 0,01");
        assertThat(browser.findElements(By.cssSelector("#panel-iid .gauge-mark"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#iid-components li"))).as("each component in words")
                .hasSize(4);
        assertThat(browser.findElement(By.id("iid-how-innovations")).getText()).startsWith("Skor inovasi:");
        assertThat(browser.findElements(By.cssSelector("#iid-improvements li"))).as("what would raise the index")
                .isNotEmpty().allSatisfy(li -> assertThat(li.getText()).matches("(?s).+ \\+\\d+,\\d{2}"));
        // Index points on the OPD contributions' axis: decimals with a comma, never an English point.
        until.until(d -> d.findElement(By.id("chart-contrib")).getAttribute("data-ticks") != null);
        assertThat(browser.findElement(By.id("chart-contrib")).getAttribute("data-ticks")).contains(",")
                .doesNotContain(".");
        assertThat(browser.findElement(By.id("chart-opd")).getAttribute("aria-label")).as("OPD names in full")
                .contains("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu: 1");
        assertThat(browser.findElement(By.id("chart-opd")).getAttribute("tabindex")).as("reachable by keyboard")
                .isEqualTo("0");

        long in2025 = gateway.get("/api/v1/stats/overview?year=2025", Map.of()).body().get("total").asLong();
        new Select(browser.findElement(By.id("filter-year"))).selectByValue("2025");
        until.until(ExpectedConditions.textToBe(By.id("kpi-total"), Long.toString(in2025)));
        until.until(ExpectedConditions.attributeContains(By.id("live-state"), "class", "on"));
        assertThat(browser.findElement(By.id("chart-year")).getAttribute("aria-label")).isEqualTo("2025: " + in2025);
        screenshot("dasbor-tahun");

        phone(true);
        try {
            openDashboard(null);
            assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                    .isLessThanOrEqualTo(390);
            screenshot("dasbor-ponsel");
        } finally {
            phone(false);
        }
    }

    @Test
    @Order(41)
    void aReviewerSeesThePipelineAndLeadTimesAndAPublicationArrivesWithoutRefetchingTrendOrIid() {
        String id = submit(new Seed("Perpustakaan Keliling Digital Merawang", "DISDIK", "EDUCATION", 2025, "TRIAL"));
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + id, reviewer()).status() == 200);
        openDashboard(REVIEWER_KEY);
        JsonNode overview = gateway.get("/api/v1/stats/overview", reviewer()).body();
        until.until(ExpectedConditions.textToBe(By.cssSelector("#pipeline-SUBMITTED strong"),
                overview.get("byStatus").get("SUBMITTED").asString()));
        assertThat(browser.findElement(By.cssSelector("#pipeline-PUBLISHED strong")).getText())
                .isEqualTo(overview.get("byStatus").get("PUBLISHED").asString());
        assertThat(browser.findElement(By.id("lead-verify")).getText()).as("the API's lead times")
                .startsWith("median ").contains("90% dalam");
        assertThat(browser.findElement(By.id("queue-verify")).getText()).startsWith("median ");
        screenshot("dasbor-peninjau");

        script("window.sameDocument = true");
        long before = statsRequests();
        long publishedBefore = overview.get("byStatus").get("PUBLISHED").asLong();
        review(id, "VERIFY");
        review(id, "PUBLISH");
        until.until(ExpectedConditions.textToBe(By.cssSelector("#pipeline-PUBLISHED strong"),
                Long.toString(publishedBefore + 1)));
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-publish"), "median"));
        assertThat(script("return window.sameDocument === true")).as("updated through the stream, not a reload")
                .isEqualTo(true);
        assertThat(statsRequests()).as("no trend, IID, review or overview request per change: the event carries "
                + "them").isEqualTo(before);
        openDashboard(null);
    }

    @Test
    @Order(10)
    void aKeyShowsTheOpdsItMayActForAndAnOpdSignsInWithOidcRemovesAndDownloadsEvidenceAndReadsFieldErrorsInEnglish()
            throws IOException {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(platform.gatewayUri() + "/#/opd");
        script("sessionStorage.clear(); localStorage.clear()");
        browser.navigate().refresh();
        until.until(ExpectedConditions.elementToBeClickable(By.id("opd-key"))).sendKeys(PORTAL_KEY, Keys.ENTER);
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-allowed"), "Dinas Kesehatan"));
        assertThat(browser.findElement(By.id("opd-allowed")).getText()).as("the OPDs of GET /api/v1/session")
                .contains("Kunci ini boleh bertindak untuk", "Dinas Pendidikan").doesNotContain("Badan Kesatuan");
        assertThat(new Select(browser.findElement(By.id("opd-acting"))).getOptions()).hasSize(PORTAL_OPDS.size());
        browser.findElement(By.id("opd-sign-out")).click();

        IDP.signInAs(WEB_CLIENT_ID, "inovasi-api", SSO_USER, Map.of("roles", List.of("portal"),
                "opd_codes", List.of("DINKES")));
        until.until(ExpectedConditions.elementToBeClickable(By.id("oidc-sign-in"))).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-allowed"), "Dinas Kesehatan"));
        awaitView();
        assertThat(browser.getCurrentUrl()).as("back where the sign-in started, the code gone")
                .isEqualTo(platform.gatewayUri() + "/#/opd");
        assertThat(IDP.exchangedCodes()).as("one code, exchanged with its PKCE verifier").isEqualTo(1);
        assertThat(browser.findElement(By.className("console-head")).getText()).contains("oidc:" + SSO_USER,
                "Akun ini boleh bertindak untuk: Dinas Kesehatan");
        assertThat(script("return sessionStorage.getItem('inovasi.portalKey')")).isNull();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-list"), REVIEWED));
        screenshot("opd-masuk-sso");

        // Evidence files, with the token: upload, download and remove.
        String id = ids.get(REVIEWED);
        browser.get(platform.gatewayUri() + "/#/opd/" + id);
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), REVIEWED));
        Path work = TestPlatform.ROOT.resolve("platform-local/target/web");
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(work.resolve("sk-tim-sso.pdf"), pdf);
        new Select(browser.findElement(By.id("param-18"))).selectByValue("1");
        browser.findElement(By.id("save-18")).click();
        until.until(ExpectedConditions.presenceOfElementLocated(By.id("opd-state-18")));
        browser.findElement(By.id("file-18")).sendKeys(file.toString());
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opd-files-18"), "sk-tim-sso.pdf"));
        browser.findElement(By.cssSelector("#opd-files-18 [data-action=download]")).click();
        Path downloaded = downloads.resolve("sk-tim-sso.pdf");
        await().atMost(WAIT).until(() -> Files.exists(downloaded) && Files.size(downloaded) == pdf.length);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(pdf);
        assertEveryControlIsLabelled();
        browser.findElement(By.cssSelector("#opd-files-18 [data-action=remove]")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence-status-18"), "dihapus"));
        assertThat(browser.findElements(By.id("opd-files-18"))).isEmpty();
        assertThat(evidenceFiles(id, "18")).as("gone from the catalogue").isEmpty();

        // The API's field errors, by their codes, in the language of the page.
        browser.get(platform.gatewayUri() + "/#/opd/baru");
        until.until(ExpectedConditions.textToBe(By.id("form-title"), "Ajukan inovasi baru"));
        browser.findElement(By.id("lang-switch")).click();
        until.until(ExpectedConditions.textToBe(By.id("form-title"), "Propose a new innovation"));
        until.until(ExpectedConditions.elementToBeClickable(By.id("f-title"))).sendKeys("Abc");
        browser.findElement(By.id("f-year")).clear();
        browser.findElement(By.id("f-links-videoUrl")).sendKeys("bukan alamat");
        browser.findElement(By.id("proposal-send")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-title")));
        assertThat(browser.findElement(By.id("err-title")).getText()).startsWith("The text breaks its rule");
        assertThat(browser.findElement(By.id("err-year")).getText()).isEqualTo("Required.");
        assertThat(browser.findElement(By.id("err-links-videoUrl")).getText()).startsWith("Must be a full web address");
        screenshot("opd-kesalahan-en");
        script("localStorage.removeItem('inovasi.opd.draft.new.DINKES')");
        browser.findElement(By.id("lang-switch")).click();
        until.until(ExpectedConditions.textToBe(By.id("form-title"), "Ajukan inovasi baru"));

        // The token ends: the page asks to sign in again.
        script("const s = JSON.parse(sessionStorage.getItem('inovasi.oidc.token')); s.expiresAt = 0;"
                + "sessionStorage.setItem('inovasi.oidc.token', JSON.stringify(s))");
        browser.get(platform.gatewayUri() + "/#/opd");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("oidc-notice"),
                "Sesi Anda telah berakhir"));
        assertThat(script("return sessionStorage.getItem('inovasi.oidc.token')")).isNull();
    }

    @Test
    @Order(11)
    void anInnovationPageListsSimilarInnovationsAndEachOpensItsPage() {
        String similar = MORE.get(1).title(); // "Desa" in both titles, and the seeds share their texts
        browser.get(platform.gatewayUri() + "/#/inovasi/" + ids.get(SEEDED));
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
        until.until(ExpectedConditions.textToBe(By.id("similar-title"), "Inovasi serupa"));
        WebElement link = browser.findElement(By.xpath("//section[@id='similar']//a[.//h3[normalize-space()='"
                + similar + "']]"));
        assertThat(browser.findElements(By.cssSelector("#similar h3"))).extracting(WebElement::getText)
                .as("the other published innovations, none of them twice, not the page's own").doesNotContain(SEEDED)
                .doesNotHaveDuplicates().hasSizeBetween(2, 6);
        screenshot("inovasi-serupa");
        String page = link.getAttribute("href");
        link.click();
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), similar));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("similar"), SEEDED));
    }

    /** A phone's viewport (Chromium keeps a desktop window at least about 500 px wide) or the desktop's again. */
    private static void phone(boolean on) {
        if (on) {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                    "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static List<JsonNode> queue(String opdCode) {
        return gateway.get("/api/v1/review/queue?status=SUBMITTED&size=100&opdCode=" + opdCode, reviewer()).body()
                .get("items").valueStream().toList();
    }

    private static List<String> queueTitles(String opdCode) {
        return queue(opdCode).stream().map(i -> i.get("title").asString()).toList();
    }

    private static List<String> evidenceFiles(String id) {
        return evidenceFiles(id, "16");
    }

    private static List<String> evidenceFiles(String id, String indicator) {
        return gateway.get("/api/v1/innovations/" + id + "/evidence", reviewer()).body().get("indicators")
                .valueStream().filter(r -> indicator.equals(r.get("indicator").get("code").asString()))
                .flatMap(r -> r.get("evidence").get("files").valueStream()).map(f -> f.get("name").asString())
                .toList();
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,1500", "--lang=id-ID");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Every page records what the Content-Security-Policy refused; screenshot() asserts that nothing was.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__policyViolations = [];"
                        + "document.addEventListener('securitypolicyviolation', e => window.__policyViolations"
                        + ".push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
        return driver;
    }

    private static String submit(Seed seed) {
        Answer accepted = gateway.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key",
                UUID.randomUUID().toString()), Proposals.json(seed.title(), seed.opdCode(), seed.field(), seed.year())
                .replace("\"stage\":\"IMPLEMENTATION\"", "\"stage\":\"" + seed.stage() + "\""));
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().get("innovationId").asString();
    }

    private static void review(String id, String decision) {
        assertThat(gateway.post("/api/v1/innovations/" + id + "/review", reviewer(),
                "{\"decision\":\"" + decision + "\"}").status()).isEqualTo(200);
    }

    private static Map<String, String> reviewer() {
        return Map.of("X-Api-Key", REVIEWER_KEY);
    }

    private static void assertEveryControlIsLabelled() {
        assertThat(script("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id)"))
                .as("form controls without a label").asList().isEmpty();
    }

    /** Waits until the page shows the content of its current URL (the router marks it). */
    private static void awaitView() {
        until.until(d -> script("return document.getElementById('main').dataset.view === location.hash"
                + " && location.hash !== ''").equals(true));
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static List<String> optionTexts(String select) {
        return new Select(browser.findElement(By.id(select))).getOptions().stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    /**
     * The raw answer to a GET, on a client (a connection) of its own: the gateway's own pages stall on a kept-alive
     * connection at times (README "Known issues").
     */
    private static HttpResponse<String> raw(String uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The whole page: the window grows to the page's height for the picture. Every page pictured must have worked
     * under the gateway's Content-Security-Policy: nothing refused.
     */
    private static void screenshot(String name) {
        assertThat(script("return window.__policyViolations")).as("what the Content-Security-Policy refused on "
                + name).asList().isEmpty();
        script("window.scrollTo(0, 0)");
        Dimension window = browser.manage().window().getSize();
        int height = Math.min(((Long) script("return document.documentElement.scrollHeight")).intValue(), 4000);
        browser.manage().window().setSize(new Dimension(window.getWidth(), height));
        int chrome = height - ((Long) script("return window.innerHeight")).intValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), height + chrome));
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        browser.manage().window().setSize(window);
        try {
            Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    /** The console at {@code #/konsol<rest>}, signing in with the reviewer's key when the tab has none. */
    private static void openConsole(String rest) {
        browser.get(platform.gatewayUri() + "/#/konsol" + rest);
        awaitView();
        if (!browser.findElements(By.id("api-key")).isEmpty()) {
            browser.findElement(By.id("api-key")).sendKeys(REVIEWER_KEY);
            browser.findElement(By.id("sign-in")).click();
            awaitView();
        }
        until.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-list")));
    }

    /** The whole page in the phone's viewport (the window cannot grow under device emulation), as screenshot(). */
    private static void phoneScreenshot(String name) {
        assertThat(script("return window.__policyViolations")).as("what the Content-Security-Policy refused on "
                + name).asList().isEmpty();
        long height = Math.min((Long) script("return document.documentElement.scrollHeight"), 6000L);
        Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 390, "height", height, "scale", 1)));
        try {
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    /** Chooses a value once the select can be used (the console renders its filters after loading their choices). */
    private static void select(String id, String value) {
        new Select(until.until(ExpectedConditions.elementToBeClickable(By.id(id)))).selectByValue(value);
    }

    private static void assertNoSidewaysScrolling() {
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways "
                + "scrolling at " + script("return window.innerWidth") + " px").isEqualTo(true);
    }

    /**
     * The dashboard loaded anew (a reload: the page renders nothing else first), as the public (null) or signed in
     * with a reviewer's key, once it is live.
     */
    private static void openDashboard(String reviewerKey) {
        browser.get(platform.gatewayUri() + "/#/dasbor");
        ((JavascriptExecutor) browser).executeScript(reviewerKey == null
                ? "sessionStorage.removeItem('inovasi.reviewerKey')"
                : "sessionStorage.setItem('inovasi.reviewerKey', arguments[0])", reviewerKey);
        browser.navigate().refresh();
        awaitView();
        until.until(ExpectedConditions.attributeContains(By.id("live-state"), "class", "on"));
        until.until(d -> !d.findElement(By.id("kpi-total")).getText().equals("–")
                && !d.findElements(By.id("iid-components")).isEmpty());
    }

    /** Requests the page made for the numbers a stream event carries (the browser's resource timing entries). */
    private static long statsRequests() {
        return (Long) script("return performance.getEntriesByType('resource').filter(e => "
                + "/\\/api\\/v1\\/stats\\/(trend|iid|review|overview)/.test(e.name)).length");
    }

    /**
     * The page as it stands passes axe-core (web/node_modules/axe-core, the version web/package.json pins) without a
     * serious or critical violation, and fits a 390 px phone without sideways scrolling; pictured at 1366 and 390 px
     * ({@code <page>-1366.png}, {@code <page>-390.png}). Every page's test calls it once its content is shown.
     */
    private static void assertAccessibleAndFits(String page) throws IOException {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(Files.readString(AXE));
        }
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 5)"
                + ".map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        assertThat(violations).as("serious or critical accessibility violations on " + page).asList().isEmpty();
        screenshot(page + "-1366");
        phone(true);
        try {
            try {
                // A chart takes its new width from a ResizeObserver, a moment after the viewport changed.
                new WebDriverWait(browser, Duration.ofSeconds(5), POLL).until(d -> (Long) script(
                        "return document.documentElement.scrollWidth") <= 390);
            } catch (TimeoutException e) {
                // the assertion below says what is wider
            }
            Object overflow = script("return [document.documentElement.scrollWidth, [...document.querySelectorAll("
                    + "'body *')].filter(e => e.getBoundingClientRect().right > 391 && e.closest('.chart') === null"
                    + " && getComputedStyle(e).position !== 'fixed').slice(0, 5).map(e => e.tagName.toLowerCase()"
                    + " + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.'"
                    + " + e.className.trim().split(/\\s+/).join('.') : ''))]");
            assertThat((Long) ((List<?>) overflow).get(0)).as("no sideways scrolling at 390 px on %s; wider: %s",
                    page, ((List<?>) overflow).get(1)).isLessThanOrEqualTo(390);
            screenshot(page + "-390");
        } finally {
            phone(false);
        }
    }
}
