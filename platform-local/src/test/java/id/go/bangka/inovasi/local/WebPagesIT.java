package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
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

    /** One proposal to submit. */
    private record Seed(String title, String opdCode, String field, int year, String stage) {
    }

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
        Path clients = TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY, "DINKES", "DISDIK",
                "DISKOMINFO", "DISTAN", "DLH", "DINSOS", "DPMPTSP");
        infrastructure = EmbeddedInfrastructure.startNew();
        platform = TestPlatform.start(infrastructure, work, clients, Map.of());
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
        until = new WebDriverWait(browser, WAIT);
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
    }

    @Test
    @Order(1)
    void theCatalogueFindsAPublishedInnovationBySearchAndFilterAndShowsItsPage() {
        assertThat(gateway.get("/", Map.of()).header("Content-Security-Policy"))
                .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        browser.get(platform.gatewayUri() + "/");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), SEEDED));
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(1 + MORE.size());
        screenshot("beranda");
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

        browser.findElement(By.partialLinkText(SEEDED)).click();
        until.until(ExpectedConditions.textToBe(By.id("innovation-title"), SEEDED));
        assertThat(browser.getCurrentUrl()).endsWith("#/inovasi/" + ids.get(SEEDED));
        assertThat(browser.findElement(By.id("text-benefits")).getText()).isEqualTo("Layanan lebih cepat");
        assertThat(browser.findElement(By.id("fact-opdCode")).getText()).isEqualTo("Dinas Kesehatan");
        assertThat(browser.findElement(By.id("fact-stage")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("video-link")).getAttribute("href")).contains("youtube.com");
        screenshot("inovasi");

        browser.findElement(By.id("lang-switch")).click();
        until.until(ExpectedConditions.textToBe(By.id("nav-katalog"), "Innovation Catalogue"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
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
        screenshot("dasbor");
    }

    @Test
    @Order(3)
    void aReviewerAcceptsEvidenceVerifiesAndPublishesFromTheConsole() {
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
        until.until(ExpectedConditions.textToBe(By.id("review-status"), "Terverifikasi"));
        assertEveryControlIsLabelled();
        screenshot("konsol");
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
        assertThat(browser.findElement(By.id("iid-case")).getText()).contains("Nilai SPD belum dicatat");
        assertThat(browser.findElement(By.id("iid-value")).getText()).contains("–");
        assertThat(browser.findElement(By.id("iid-thresholds")).getText()).contains("Sangat Inovatif ≥ 65,01");

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

        await().atMost(WAIT).untilAsserted(() -> {
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
        new Select(browser.findElement(By.id("opd-code"))).selectByValue("DINKES");
        key.sendKeys(PORTAL_KEY, Keys.ENTER);
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
        return gateway.get("/api/v1/innovations/" + id + "/evidence", reviewer()).body().get("indicators")
                .valueStream().filter(r -> "16".equals(r.get("indicator").get("code").asString()))
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
}
