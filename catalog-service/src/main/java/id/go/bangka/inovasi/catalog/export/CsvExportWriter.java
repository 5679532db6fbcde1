package id.go.bangka.inovasi.catalog.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, UTF-8 with a byte order mark so that Excel reads it as
 * UTF-8. Every text field is in double quotes (quotes doubled), so that a spreadsheet splitting on the semicolon (Excel
 * in an Indonesian or other comma-decimal locale) or on a tab still sees one cell per field; numbers are bare. A text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
 * apostrophe.
 */
final class CsvExportWriter implements ExportWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String LINE_END = "\r\n";

    @Override
    public void write(List<ExportColumn> columns, Iterator<ExportRow> rows, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        for (int i = 0; i < columns.size(); i++) {
            field(writer, i, columns.get(i).header());
        }
        writer.write(LINE_END);
        while (rows.hasNext()) {
            ExportRow row = rows.next();
            for (int i = 0; i < columns.size(); i++) {
                Object value = columns.get(i).valueOf(row);
                field(writer, i, value instanceof String text ? neutralised(text) : value);
            }
            writer.write(LINE_END);
        }
        writer.flush();
    }

    private static void field(Writer writer, int index, Object value) throws IOException {
        if (index > 0) {
            writer.write(',');
        }
        if (value instanceof String text) {
            writer.write('"');
            writer.write(text.replace("\"", "\"\""));
            writer.write('"');
        } else if (value != null) {
            writer.write(value.toString());
        }
    }

    /** The text, with an apostrophe in front where a spreadsheet would otherwise take it for a formula. */
    private static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
