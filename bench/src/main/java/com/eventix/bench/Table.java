package com.eventix.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain text table: the first column left-aligned, the others right-aligned, widths fitted to the cells. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    Table add(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object c = i < cells.length ? cells[i] : "";
            row[i] = c == null ? "" : c instanceof Double d ? format(d) : c.toString();
        }
        rows.add(row);
        return this;
    }

    static String format(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : Math.abs(d) >= 10 ? "%.1f" : "%.2f", d);
    }

    void print() {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                b.append(i == 0 ? String.format("%-" + width[i] + "s", cell) : String.format("  %" + width[i] + "s", cell));
            }
            System.out.println(b.toString().stripTrailing());
            if (r == 0) {
                System.out.println("-".repeat(b.toString().stripTrailing().length()));
            }
        }
    }
}
