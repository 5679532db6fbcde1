package id.go.bangka.inovasi.stats.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogViewTest {

    private final CatalogView view = new CatalogView();
    private final UUID id = UUID.randomUUID();

    private InnovationChanged snapshot(long version, InnovationStatus status) {
        return new InnovationChanged(id, version, status, null, "DINKES", InnovationField.HEALTH, Stage.TRIAL, 2022,
                Instant.EPOCH, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void keepsOnlyNewerVersionsWhateverTheDeliveryOrder() {
        assertThat(view.apply(snapshot(2, InnovationStatus.PUBLISHED))).isTrue();
        long generation = view.generation();
        assertThat(view.apply(snapshot(1, InnovationStatus.SUBMITTED))).isFalse();
        assertThat(view.apply(snapshot(2, InnovationStatus.SUBMITTED))).isFalse();
        assertThat(view.generation()).as("ignored snapshots change nothing").isEqualTo(generation);

        assertThat(view.all()).singleElement().extracting(InnovationFacts::status)
                .isEqualTo(InnovationStatus.PUBLISHED);
        assertThat(view.apply(snapshot(3, InnovationStatus.ARCHIVED))).isTrue();
        assertThat(view.size()).isEqualTo(1);
        assertThat(view.generation()).isEqualTo(generation + 1);
    }

    @Test
    void keepsOnlyWhatStatsNeedAndToleratesFieldsOlderSnapshotsLack() {
        view.apply(snapshot(1, InnovationStatus.SUBMITTED));

        InnovationFacts facts = view.all().iterator().next();
        assertThat(facts.submittedAt()).isZero();
        assertThat(facts.verifiedAt()).isEqualTo(InnovationFacts.NONE);
        assertThat(facts.kind()).isNull();
        assertThat(facts.scorePeriod()).isNull();
        assertThat(facts.scoredIn("2026")).isFalse();
        assertThat(facts.secondaryAffairs()).isEmpty();
    }

    @Test
    void keepsTheSecondaryAffairsASnapshotCarries() {
        view.apply(new InnovationChanged(id, 1, InnovationStatus.PUBLISHED, null, "DINKES", InnovationField.HEALTH,
                Stage.TRIAL, 2022, Instant.EPOCH, null, null, null, null, GovernmentAffair.HEALTH, null, null, null,
                null, null, null, List.of(GovernmentAffair.SOCIAL, GovernmentAffair.COMMUNICATION)));

        InnovationFacts facts = view.all().iterator().next();
        assertThat(facts.affair()).isEqualTo(GovernmentAffair.HEALTH);
        assertThat(facts.secondaryAffairs()).containsExactlyInAnyOrder(GovernmentAffair.SOCIAL,
                GovernmentAffair.COMMUNICATION);
    }

    @Test
    void refusesASnapshotWithoutStatus() {
        assertThatThrownBy(() -> view.apply(snapshot(1, null))).isInstanceOf(IllegalArgumentException.class);
        assertThat(view.size()).isZero();
    }
}
