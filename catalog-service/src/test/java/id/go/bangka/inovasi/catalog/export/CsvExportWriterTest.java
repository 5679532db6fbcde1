package id.go.bangka.inovasi.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.events.InnovationStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvExportWriterTest {

    /** Texts a submitter controls, each trying to become a formula in some locale's reading of the file. */
    private static final List<String> HOSTILE = List.of(
            "Uji Ekspor;=HYPERLINK(1);@SUM(1)",
            "=1+1",
            "Hasil,=cmd|' /C calc'!A0",
            "+62 812",
            "-2",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "baris satu\n=baris dua",
            "tab\t=1",
            "kutip \";=1;\"");

    private static final List<ExportColumn> COLUMNS = columns();

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t'})
    void noCellFromUserTextStartsAFormulaWhateverTheSeparator(char separator) throws IOException {
        List<List<String>> table = parse(csv(), separator);

        assertThat(table).hasSize(1 + HOSTILE.size());
        for (List<String> row : table.subList(1, table.size())) {
            for (String cell : row) {
                assertThat(cell).as("cell %s read with separator %s", cell, (int) separator)
                        .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void readWithCommasEveryTextComesBackWholeBehindItsApostropheAndNumbersStayNumbers() throws IOException {
        List<List<String>> table = parse(csv(), ',');

        assertThat(table.get(0)).containsExactly("Nama Inovasi", "Tahun");
        assertThat(table.get(1)).containsExactly("Uji Ekspor;=HYPERLINK(1);@SUM(1)", "2022");
        assertThat(table.get(2)).containsExactly("'=1+1", "2022");
        assertThat(table.get(4)).containsExactly("'+62 812", "2022");
        assertThat(table.get(9)).containsExactly("baris satu\n=baris dua", "2022");
        assertThat(table.get(11)).containsExactly("kutip \";=1;\"", "2022");
    }

    @Test
    void textsAreQuotedAndNumbersBare() throws IOException {
        String text = csv();

        assertThat(text).startsWith("\uFEFF\"Nama Inovasi\",\"Tahun\"\r\n\"Uji Ekspor;=HYPERLINK(1);@SUM(1)\",2022\r\n");
    }

    private static List<ExportColumn> columns() {
        return List.of(new ExportColumn("title", "Nama Inovasi", row -> row.view().title()),
                new ExportColumn("year", "Tahun", row -> row.view().year()));
    }

    private static String csv() throws IOException {
        List<ExportRow> rows = HOSTILE.stream().map(CsvExportWriterTest::row).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExportWriter().write(COLUMNS, rows.iterator(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ExportRow row(String title) {
        return new ExportRow(new InnovationView(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, title, "DINKES",
                null, null, null, null, null, List.of(), null, null, null, null, 2022, null, null, null, null, null,
                null, null, null, null), null, "Dinas Kesehatan");
    }

    /**
     * Reads CSV as a spreadsheet does: fields split at the separator outside double quotes, a quoted field's doubled
     * quotes as one, records ended by a line break outside quotes; the byte order mark dropped.
     */
    static List<List<String>> parse(String csv, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return records;
    }
}
