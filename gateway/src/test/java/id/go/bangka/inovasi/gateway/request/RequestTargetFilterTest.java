package id.go.bangka.inovasi.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetFilterTest {

    @Test
    void pathsOfPercentEncodedUtf8Pass() {
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/3f1c0b9e")).isTrue();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/opds/DINKES%20BANGKA%E2%80%94x")).isTrue();
    }

    @Test
    void invalidUtf8AndBrokenEscapesAreRefused() {
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%C3%28")).isFalse();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%FF%FE")).isFalse();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%ED%A0%80")).isFalse();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%C0%AF")).isFalse();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%2")).isFalse();
        assertThat(RequestTargetFilter.isPercentEncodedUtf8("/api/v1/innovations/%zz")).isFalse();
    }
}
