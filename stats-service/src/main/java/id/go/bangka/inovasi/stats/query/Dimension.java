package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** A dimension numbers can be counted by, named in query parameters by {@link #parameter()}. */
public enum Dimension {
    STATUS("status", InnovationFacts::status),
    FIELD("field", InnovationFacts::field),
    OPD("opd", InnovationFacts::opdCode),
    YEAR("year", InnovationFacts::year),
    STAGE("stage", InnovationFacts::stage),
    KIND("kind", InnovationFacts::kind),
    FORM("form", InnovationFacts::form),
    SOURCE("source", InnovationFacts::source),
    PROGRAMME("programme", InnovationFacts::programme),
    AFFAIR("affair", InnovationFacts::affair);

    /** Orders values the way dashboards list them: enums as declared, years and codes ascending, unspecified last. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Comparator<Object> ORDER = Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b));

    private final String parameter;
    private final Function<InnovationFacts, Object> value;

    Dimension(String parameter, Function<InnovationFacts, Object> value) {
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    /** The value of this dimension for an innovation: an enum, a year or an OPD code; null when unspecified. */
    public Object valueOf(InnovationFacts facts) {
        return value.apply(facts);
    }

    /** The dimension named by a query parameter value, or a 400 problem naming the allowed ones. */
    public static Dimension fromParameter(String parameterName, String text) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(text)).findFirst()
                .orElseThrow(() -> QueryParams.invalid(parameterName, "must be one of " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Dimension::parameter).toList();
    }
}
