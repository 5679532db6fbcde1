package id.go.bangka.inovasi.catalog.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/** Writes an export file row by row, holding no more than a small window of rows in memory. */
interface ExportWriter {

    /**
     * Writes the header row and then every row to {@code out}, which it flushes but does not close.
     *
     * @param columns the columns, in order
     * @param rows    the rows, read once, one at a time
     * @param out     the response body
     */
    void write(List<ExportColumn> columns, Iterator<ExportRow> rows, OutputStream out) throws IOException;
}
