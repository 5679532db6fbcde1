package id.go.bangka.inovasi.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class IdentitySignerTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final IdentityProperties PROPERTIES =
            new IdentityProperties(SECRET, Duration.ofSeconds(60), Duration.ofSeconds(5));
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final CallerIdentity PORTAL =
            new CallerIdentity("portal-dinkes", Set.of("portal"), Set.of("DINKES"), "req-1");
    private static final RequestTarget CREATE =
            new RequestTarget("submission-service", "POST", "/api/v1/submissions");

    private final IdentitySigner gateway = signer("gateway", NOW);
    private final IdentitySigner intake = signer("submission-service", NOW);

    @Test
    void theServiceItWasSignedForAcceptsItForThatMethodPathAndQuery() {
        Map<String, String> headers = gateway.sign(PORTAL, CREATE).toHeaders();

        SignedIdentity verified = intake.verify(headers::get, "POST", "/api/v1/submissions");

        assertThat(verified.identity()).isEqualTo(PORTAL);
        assertThat(verified.signer()).isEqualTo("gateway");
        assertThat(headers).containsEntry(IdentityHeaders.SIGNER, "gateway");
    }

    @Test
    void aReplayAgainstAnotherPathMethodQueryOrServiceIsRefused() {
        Map<String, String> search = gateway.sign(PORTAL, RequestTarget.of("catalog-service", "GET",
                "/api/v1/innovations", "field=HEALTH&q=desa%20digital")).toHeaders();
        IdentitySigner catalog = signer("catalog-service", NOW);
        assertThat(catalog.verify(search::get, "GET", "/api/v1/innovations?field=HEALTH&q=desa%20digital")
                .identity()).isEqualTo(PORTAL);

        assertRefused(() -> catalog.verify(search::get, "GET", "/api/v1/review/queue"), "does not match");
        assertRefused(() -> catalog.verify(search::get, "GET", "/api/v1/innovations"), "does not match");
        assertRefused(() -> catalog.verify(search::get, "GET", "/api/v1/innovations?field=EDUCATION"),
                "does not match");
        assertRefused(() -> catalog.verify(search::get, "GET", "/api/v1/innovations?field=HEALTH&q=desa+digital"),
                "does not match");
        assertRefused(() -> catalog.verify(search::get, "DELETE",
                "/api/v1/innovations?field=HEALTH&q=desa%20digital"), "does not match");
        assertRefused(() -> signer("stats-service", NOW).verify(search::get, "GET",
                "/api/v1/innovations?field=HEALTH&q=desa%20digital"), "does not match");
    }

    @Test
    void theSignerIsPartOfTheSignature() {
        Map<String, String> headers = new HashMap<>(intake.sign(PORTAL,
                new RequestTarget("catalog-service", "GET", "/api/v1/submission-outcomes/1")).toHeaders());
        IdentitySigner catalog = signer("catalog-service", NOW);
        assertThat(catalog.verify(headers::get, "GET", "/api/v1/submission-outcomes/1").signer())
                .isEqualTo("submission-service");

        headers.put(IdentityHeaders.SIGNER, "gateway");
        assertRefused(() -> catalog.verify(headers::get, "GET", "/api/v1/submission-outcomes/1"), "does not match");
        headers.remove(IdentityHeaders.SIGNER);
        assertRefused(() -> catalog.verify(headers::get, "GET", "/api/v1/submission-outcomes/1"), "no identity");
    }

    @Test
    void everyIdentityFieldIsCovered() {
        Map<String, String> headers = new HashMap<>(gateway.sign(PORTAL, CREATE).toHeaders());
        headers.put(IdentityHeaders.OPD_CODES, "*");

        assertRefused(() -> intake.verify(headers::get, "POST", "/api/v1/submissions"), "does not match");
    }

    @Test
    void aSignatureOlderThanTheMaximumAgeIsStale() {
        Map<String, String> headers = gateway.sign(PORTAL, CREATE).toHeaders();

        assertThat(signer("submission-service", NOW.plusSeconds(60)).verify(headers::get, "POST",
                "/api/v1/submissions").identity()).isEqualTo(PORTAL);
        assertRefused(() -> signer("submission-service", NOW.plusSeconds(61)).verify(headers::get, "POST",
                "/api/v1/submissions"), "stale");
    }

    @Test
    void aSignatureFromTheFutureIsRefusedBeyondTheClockSkew() {
        Map<String, String> within = signer("gateway", NOW.plusSeconds(5)).sign(PORTAL, CREATE).toHeaders();
        Map<String, String> beyond = signer("gateway", NOW.plusSeconds(6)).sign(PORTAL, CREATE).toHeaders();
        Map<String, String> farAhead = signer("gateway", NOW.plusSeconds(55)).sign(PORTAL, CREATE).toHeaders();

        assertThat(intake.verify(within::get, "POST", "/api/v1/submissions").identity()).isEqualTo(PORTAL);
        assertRefused(() -> intake.verify(beyond::get, "POST", "/api/v1/submissions"), "future");
        assertRefused(() -> intake.verify(farAhead::get, "POST", "/api/v1/submissions"), "future");
    }

    @Test
    void anotherSecretOrAMissingHeaderIsRefused() {
        IdentitySigner stranger = new IdentitySigner("gateway",
                new IdentityProperties("another-secret-of-at-least-32-characters", Duration.ofSeconds(60),
                        Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, String> forged = stranger.sign(PORTAL, CREATE).toHeaders();

        assertRefused(() -> intake.verify(forged::get, "POST", "/api/v1/submissions"), "does not match");
        assertRefused(() -> intake.verify(name -> null, "POST", "/api/v1/submissions"), "no identity");
    }

    private static IdentitySigner signer(String self, Instant now) {
        return new IdentitySigner(self, PROPERTIES, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertRefused(ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOf(InvalidIdentityException.class).hasMessageContaining(why);
    }
}
