package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.util.List;

/**
 * A breakdown as CSV (RFC 4180, UTF-8), one line per counted cell: the first dimension's key and labels, then the
 * second's when there is one, then the count. A value that a spreadsheet would read as a formula is prefixed with an
 * apostrophe.
 */
final class BreakdownCsv {

    private BreakdownCsv() {
    }

    static String write(Breakdown breakdown) {
        StringBuilder csv = new StringBuilder();
        line(csv, breakdown.then() == null
                ? List.of(breakdown.by(), breakdown.by() + "_label_id", breakdown.by() + "_label_en", "count")
                : List.of(breakdown.by(), breakdown.by() + "_label_id", breakdown.by() + "_label_en", breakdown.then(),
                        breakdown.then() + "_label_id", breakdown.then() + "_label_en", "count"));
        for (LabelledCount row : breakdown.rows()) {
            if (row.then() == null) {
                line(csv, List.of(row.key(), row.labelId(), row.labelEn(), Long.toString(row.count())));
            } else {
                for (LabelledCount cell : row.then()) {
                    line(csv, List.of(row.key(), row.labelId(), row.labelEn(), cell.key(), cell.labelId(),
                            cell.labelEn(), Long.toString(cell.count())));
                }
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String escape(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
