package id.go.bangka.inovasi.catalog.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written with POI's streaming SXSSF: only the last {@value #ROWS_IN_MEMORY} rows stay in memory,
 * the rest go to a compressed temporary file that closing the workbook deletes. Texts are string cells (never
 * formulas), the year a number; the header row is bold and frozen.
 */
final class XlsxExportWriter implements ExportWriter {

    private static final String SHEET_NAME = "Inovasi";
    private static final int ROWS_IN_MEMORY = 100;
    private static final int COLUMN_WIDTH = 24;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    @Override
    public void write(List<ExportColumn> columns, Iterator<ExportRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            sheet.setDefaultColumnWidth(COLUMN_WIDTH);
            sheet.createFreezePane(0, 1);
            Row header = sheet.createRow(0);
            CellStyle bold = boldStyle(workbook);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
            }
            int index = 1;
            while (rows.hasNext()) {
                ExportRow row = rows.next();
                Row line = sheet.createRow(index++);
                for (int i = 0; i < columns.size(); i++) {
                    cell(line, i, columns.get(i).valueOf(row));
                }
            }
            workbook.write(out);
        }
        out.flush();
    }

    private static void cell(Row row, int index, Object value) {
        if (value instanceof Number number) {
            row.createCell(index).setCellValue(number.doubleValue());
        } else if (value != null) {
            String text = value.toString();
            row.createCell(index).setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        }
    }

    private static CellStyle boldStyle(SXSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
