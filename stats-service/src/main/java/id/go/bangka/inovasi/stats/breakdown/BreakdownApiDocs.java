package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.stats.query.Dimension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The values of the breakdown's {@code by} and {@code then} in the OpenAPI document, taken from {@link Dimension}. */
@Component
class BreakdownApiDocs implements OpenApiCustomizer {

    static final String PATH = "/api/v1/stats/breakdown";

    @Override
    @SuppressWarnings("unchecked")
    public void customise(OpenAPI openApi) {
        PathItem breakdown = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
        if (breakdown == null || breakdown.getGet() == null || breakdown.getGet().getParameters() == null) {
            return;
        }
        breakdown.getGet().getParameters().stream().filter(p -> Set.of("by", "then").contains(p.getName()))
                .forEach(p -> ((Schema<Object>) p.getSchema()).setEnum(new ArrayList<>(Dimension.names())));
    }
}
