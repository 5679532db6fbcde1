package id.go.bangka.inovasi.stats.view;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogViewTest {

    private final CatalogView view = new CatalogView();
    private final UUID id = UUID.randomUUID();

    private InnovationChanged snapshot(long version, InnovationStatus status) {
        return new InnovationChanged(id, version, status, null, "DINKES", InnovationField.HEALTH, Stage.TRIAL, 2022,
                Instant.EPOCH, null, null, null, null, null, null, null, null);
    }

    @Test
    void keepsOnlyNewerVersionsWhateverTheDeliveryOrder() {
        assertThat(view.apply(snapshot(2, InnovationStatus.PUBLISHED))).isTrue();
        assertThat(view.apply(snapshot(1, InnovationStatus.SUBMITTED))).isFalse();
        assertThat(view.apply(snapshot(2, InnovationStatus.SUBMITTED))).isFalse();

        assertThat(view.all()).singleElement().extracting(InnovationChanged::status)
                .isEqualTo(InnovationStatus.PUBLISHED);
        assertThat(view.apply(snapshot(3, InnovationStatus.ARCHIVED))).isTrue();
        assertThat(view.size()).isEqualTo(1);
    }
}
