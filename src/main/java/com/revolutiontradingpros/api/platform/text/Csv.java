package com.revolutiontradingpros.api.platform.text;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV cells, safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe so it is shown as text instead of run as a formula.
 */
public final class Csv {

    private Csv() {
    }

    public static String row(List<@Nullable Object> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith("'")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
