package id.go.bangka.inovasi.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class WebAssetCacheFilterTest {

    @Test
    void hashedAssetsAreImmutableThePageAndRootFilesRevalidatedTheRestUntouched() {
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/assets/index-DmC3x_9a.js"))
                .isEqualTo(WebAssetCacheFilter.IMMUTABLE);
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.HEAD, "/assets/dashboard-Bq1-Zz0k.css"))
                .isEqualTo(WebAssetCacheFilter.IMMUTABLE);
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/")).isEqualTo(WebAssetCacheFilter.REVALIDATE);
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/index.html"))
                .isEqualTo(WebAssetCacheFilter.REVALIDATE);
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/favicon.svg"))
                .isEqualTo(WebAssetCacheFilter.REVALIDATE);
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/assets/unhashed.js")).isNull();
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/api/v1/innovations")).isNull();
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.GET, "/swagger-ui/index.html")).isNull();
        assertThat(WebAssetCacheFilter.cacheControl(HttpMethod.POST, "/")).isNull();
    }
}
