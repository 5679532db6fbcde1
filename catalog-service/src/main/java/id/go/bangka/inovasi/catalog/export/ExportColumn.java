package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.Labelled;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of the exports. Machine names and their order are a published contract (docs/exports.md): new columns
 * are only ever appended, existing ones never renamed, reordered or removed.
 *
 * @param name   stable machine name (the API's field name; {@code ...Label} for an Indonesian label next to a code)
 * @param header the Indonesian header shown in the file's first row
 * @param value  the cell of a row: a String, an Integer or null (empty)
 */
public record ExportColumn(String name, String header, Function<ExportRow, Object> value) {

    /** Separator of several values in one cell (secondary affairs, document links). */
    public static final String LIST_SEPARATOR = "; ";

    /** Every column, in the documented order. */
    public static final List<ExportColumn> ALL = columns();

    /** The cell of this column for a row. */
    public Object valueOf(ExportRow row) {
        return value.apply(row);
    }

    private static List<ExportColumn> columns() {
        List<ExportColumn> columns = new ArrayList<>();
        plain(columns, "id", "ID Inovasi", v -> v.id().toString());
        plain(columns, "title", "Nama Inovasi", InnovationView::title);
        plain(columns, "opdCode", "Perangkat Daerah", InnovationView::opdCode);
        plain(columns, "year", "Tahun", InnovationView::year);
        coded(columns, "field", "Bidang", InnovationView::field);
        coded(columns, "governmentAffair", "Urusan Pemerintahan", InnovationView::governmentAffair);
        plain(columns, "secondaryAffairs", "Kode Urusan Lainnya",
                v -> join(v.secondaryAffairs(), GovernmentAffair::name));
        plain(columns, "secondaryAffairsLabel", "Urusan Lainnya",
                v -> join(v.secondaryAffairs(), GovernmentAffair::label));
        coded(columns, "form", "Bentuk Inovasi", InnovationView::form);
        coded(columns, "kind", "Jenis Inovasi", InnovationView::kind);
        coded(columns, "stage", "Tahapan", InnovationView::stage);
        coded(columns, "source", "Asal Inovasi", InnovationView::source);
        coded(columns, "programme", "Program Asal", InnovationView::programme);
        coded(columns, "initiatorType", "Inisiator", InnovationView::initiatorType);
        plain(columns, "initiatorName", "Nama Inisiator", InnovationView::initiatorName);
        plain(columns, "trialDate", "Tanggal Uji Coba", v -> text(v.trialDate()));
        plain(columns, "implementationDate", "Tanggal Penerapan", v -> text(v.implementationDate()));
        plain(columns, "design", "Rancang Bangun", InnovationView::design);
        plain(columns, "goals", "Tujuan", InnovationView::goals);
        plain(columns, "benefits", "Manfaat", InnovationView::benefits);
        plain(columns, "results", "Hasil", InnovationView::results);
        plain(columns, "videoUrl", "Tautan Video", v -> v.links() == null ? null : v.links().videoUrl());
        plain(columns, "appUrl", "Tautan Aplikasi", v -> v.links() == null ? null : v.links().appUrl());
        plain(columns, "documents", "Tautan Dokumen",
                v -> v.links() == null ? null : join(v.links().documents(), Function.identity()));
        columns.add(new ExportColumn("publishedAt", "Waktu Publikasi", row -> publishedAt(row.publishedAt())));
        columns.add(new ExportColumn("opdName", "Nama Perangkat Daerah", ExportRow::opdName));
        return List.copyOf(columns);
    }

    private static void plain(List<ExportColumn> columns, String name, String header,
            Function<InnovationView, Object> value) {
        columns.add(new ExportColumn(name, header, row -> value.apply(row.view())));
    }

    /** A code column ("Kode ...") followed by its Indonesian label column. */
    private static <E extends Enum<E> & Labelled> void coded(List<ExportColumn> columns, String name, String header,
            Function<InnovationView, E> value) {
        plain(columns, name, "Kode " + header, v -> code(value.apply(v)));
        plain(columns, name + "Label", header, v -> label(value.apply(v)));
    }

    private static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String label(Labelled value) {
        return value == null ? null : value.label();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String publishedAt(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static <T> String join(Collection<T> values, Function<? super T, String> text) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().filter(Objects::nonNull).map(text).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
