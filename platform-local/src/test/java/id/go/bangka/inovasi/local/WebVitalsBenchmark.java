package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * First contentful paint and largest contentful paint of Katalog, an innovation page and Dasbor as a phone on a slow
 * mobile network sees them: headless Chromium (Debian's, with chromedriver) at 390 x 844, the network throttled as
 * Lighthouse's mobile "slow 4G" (1.6 Mbit/s down and 750 kbit/s up, both x 0.9, a latency of 150 ms unless the second
 * argument says otherwise) and the CPU 4 x slower, through CDP. FCP comes from the {@code paint} entry, LCP from the
 * last {@code largest-contentful-paint} entry once the view is shown and no larger one came for a second; bytes are the
 * page's transfer sizes (compressed, headers included). Each page is loaded cold (a new browser, empty cache) and then
 * again in the same browser (a repeat visit, from the cache where the headers allow it). Starts the platform from the
 * built jars (as WebPagesIT does) with a dozen published innovations; prints Markdown rows for docs/benchmarks.md.
 * Arguments: runs per page (default 5), latency in ms (default 150).
 */
public final class WebVitalsBenchmark {

    private static final String PORTAL_KEY = "vitals-portal-" + UUID.randomUUID();
    private static final String REVIEWER_KEY = "vitals-reviewer-" + UUID.randomUUID();
    private static final List<String> OPDS = List.of("DINKES", "DISDIK", "DISKOMINFO", "DISTAN", "DLH", "DINSOS",
            "DPMPTSP");
    private static final List<String> FIELDS = List.of("HEALTH", "EDUCATION", "GOVERNANCE", "FOOD_SECURITY",
            "ENVIRONMENT", "POVERTY_ALLEVIATION", "ECONOMIC_GROWTH_AND_EMPLOYMENT");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Records the paints; LCP entries arrive until the first input, so the last one seen is the page's. */
    private static final String OBSERVER = "window.__vitals = { fcp: null, lcp: null, lcpAt: 0 };"
            + "new PerformanceObserver(l => l.getEntries().forEach(e => { if (e.name === 'first-contentful-paint')"
            + " window.__vitals.fcp = e.startTime; })).observe({ type: 'paint', buffered: true });"
            + "new PerformanceObserver(l => l.getEntries().forEach(e => { window.__vitals.lcp = e.startTime;"
            + " window.__vitals.lcpAt = performance.now(); })).observe({ type: 'largest-contentful-paint',"
            + " buffered: true });"
            + "window.addEventListener('pageshow', e => { window.__restored = e.persisted; });";

    private WebVitalsBenchmark() {
    }

    /** One load of one page. */
    record Load(double fcp, double lcp, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        Path work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/web-vitals"));
        Path clients = TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY,
                OPDS.toArray(String[]::new));
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startNew();
        TestPlatform platform = null;
        try {
            platform = TestPlatform.start(infrastructure, work, clients, Map.of());
            String innovation = seed(new ApiClient(platform.gatewayUri()));
            String base = platform.gatewayUri();
            System.out.printf("%n%d runs per page, latency %d ms, load average %.1f%n%n", runs, latency,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("| page | visit | FCP median (min-max) ms | LCP median (min-max) ms | bytes |"
                    + " back-forward cache |");
            System.out.println("|---|---|---|---|---|---|");
            for (String[] page : List.of(new String[] {"Katalog", base + "/"},
                    new String[] {"innovation page", base + "/#/inovasi/" + innovation},
                    new String[] {"Dasbor", base + "/#/dasbor"})) {
                List<Load> cold = new ArrayList<>();
                List<Load> repeat = new ArrayList<>();
                List<Boolean> restored = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    ChromeDriver browser = phone(latency);
                    try {
                        cold.add(load(browser, page[1]));
                        browser.get("about:blank");
                        repeat.add(load(browser, page[1]));
                        browser.get(base + "/favicon.svg");
                        browser.navigate().back();
                        restored.add(restored(browser));
                    } finally {
                        browser.quit();
                    }
                }
                System.out.println(row(page[0], "first", cold) + " |");
                System.out.println(row(page[0], "repeat", repeat) + " %d of %d Back restored |".formatted(
                        restored.stream().filter(r -> r).count(), restored.size()));
            }
        } finally {
            if (platform != null) {
                platform.stop();
            }
            // The services of a start that failed half-way.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            infrastructure.stop();
            System.exit(0);
        }
    }

    private static ChromeDriver phone(int latency) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=390,844", "--lang=id-ID");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(),
                options);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        browser.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latency,
                "downloadThroughput", 1.6 * 1024 * 1024 / 8 * 0.9, "uploadThroughput", 750.0 * 1024 / 8 * 0.9));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
        return browser;
    }

    /** Loads the page and waits until its view is shown and its largest paint has settled. */
    private static Load load(ChromeDriver browser, String url) throws InterruptedException {
        browser.get(url);
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Object settled = browser.executeScript("const v = window.__vitals, m = document.getElementById('main');"
                    + "return !!(v && v.fcp !== null && v.lcp !== null && m && m.dataset.view === location.hash"
                    + " && !m.hasAttribute('aria-busy') && performance.now() - v.lcpAt > 1000)");
            if (Boolean.TRUE.equals(settled)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> measured = (Map<String, Object>) browser.executeScript("return {"
                        + " fcp: window.__vitals.fcp, lcp: window.__vitals.lcp,"
                        + " bytes: performance.getEntriesByType('navigation').concat("
                        + "performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0) }");
                return new Load(((Number) measured.get("fcp")).doubleValue(),
                        ((Number) measured.get("lcp")).doubleValue(), ((Number) measured.get("bytes")).longValue());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The page did not settle within " + WAIT + ": " + url);
    }

    /** Whether the page Back returned to came from the back-forward cache (its pageshow said persisted). */
    private static boolean restored(ChromeDriver browser) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Object persisted = browser.executeScript("return window.__restored ?? null");
            if (persisted != null) {
                return Boolean.TRUE.equals(persisted);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Back did not return to the page within " + WAIT);
    }

    private static String row(String page, String visit, List<Load> loads) {
        return "| %s | %s | %s | %s | %,d |".formatted(page, visit, spread(loads, Load::fcp),
                spread(loads, Load::lcp), loads.stream().sorted(Comparator.comparingLong(Load::bytes))
                        .toList().get(loads.size() / 2).bytes());
    }

    private static String spread(List<Load> loads, ToDoubleFunction<Load> measure) {
        double[] sorted = loads.stream().mapToDouble(measure).sorted().toArray();
        return "%,.0f (%,.0f-%,.0f)".formatted(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** A dozen published innovations from seven OPDs; returns one's id. */
    private static String seed(ApiClient gateway) {
        Map<String, String> portal = Map.of("X-Api-Key", PORTAL_KEY);
        Map<String, String> reviewer = Map.of("X-Api-Key", REVIEWER_KEY);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            Answer accepted = gateway.post("/api/v1/submissions", with(portal, "Idempotency-Key",
                    UUID.randomUUID().toString()), Proposals.json("Inovasi layanan publik nomor " + (n + 1),
                    OPDS.get(n % OPDS.size()), FIELDS.get(n % FIELDS.size()), 2020 + n % 6));
            if (accepted.status() != 202) {
                throw new IllegalStateException("Seeding failed: " + accepted);
            }
            ids.add(accepted.body().get("innovationId").asString());
        }
        for (String id : ids) {
            Instant deadline = Instant.now().plus(WAIT);
            while (gateway.get("/api/v1/innovations/" + id, reviewer).status() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Not applied: " + id);
                }
                sleep();
            }
            for (String decision : List.of("VERIFY", "PUBLISH")) {
                gateway.post("/api/v1/innovations/" + id + "/review", reviewer, "{\"decision\":\"" + decision
                        + "\"}");
            }
        }
        return ids.get(0);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
