package id.go.bangka.inovasi.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTuningTest {

    @TempDir
    Path directory;

    @AfterEach
    void clearProperties() {
        System.clearProperty(StoreTuning.FILL_RATE_PROPERTY);
        System.clearProperty(StoreTuning.CACHE_PROPERTY);
    }

    @Test
    void withoutPropertiesTheFillRateIs50AndTheCache16MiB() {
        assertThat(StoreTuning.fromSystemProperties()).isEqualTo(new StoreTuning(50, 16));
    }

    @Test
    void systemPropertiesOverrideEachSetting() {
        System.setProperty(StoreTuning.FILL_RATE_PROPERTY, "0");
        System.setProperty(StoreTuning.CACHE_PROPERTY, "64");

        assertThat(StoreTuning.fromSystemProperties()).isEqualTo(new StoreTuning(0, 64));
    }

    @Test
    void aPropertyThatIsNoNumberIsRefusedNamingIt() {
        System.setProperty(StoreTuning.CACHE_PROPERTY, "64m");

        assertThatThrownBy(StoreTuning::fromSystemProperties).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StoreTuning.CACHE_PROPERTY).hasMessageContaining("64m");
    }

    @Test
    void theFileStandInOpensItsStoreWithTheProperties() {
        System.setProperty(StoreTuning.CACHE_PROPERTY, "40");
        IndexedH2Backend backend = new IndexedH2Backend(directory.resolve("stand-in.mv").toString());
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(40);
        } finally {
            backend.close();
        }
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new StoreTuning(101, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StoreTuning.FILL_RATE_PROPERTY);
        assertThatThrownBy(() -> new StoreTuning(50, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StoreTuning.CACHE_PROPERTY);
    }

    @Test
    void theStoreIsOpenedWithTheSettings() throws Exception {
        MVStore store = new StoreTuning(35, 24).open(directory.resolve("tuned.mv").toString());
        try {
            assertThat(store.getCacheSize()).isEqualTo(24);
            Method fillRate = FileStore.class.getDeclaredMethod("getAutoCompactFillRate");
            fillRate.setAccessible(true);
            assertThat(fillRate.invoke(store.getFileStore())).isEqualTo(35);
        } finally {
            store.close();
        }
    }
}
