package io.sassim.traces.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns two spaces apart, numbers right-aligned, text left-aligned, each
 * column as wide as its widest cell. The last column is not padded, so long kernel names do not
 * push spaces to the end of every line.
 */
final class TextTable {

  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  /** @param header column titles; a title starting with {@code >} marks a right-aligned column */
  TextTable(String... header) {
    rightAligned = new boolean[header.length];
    String[] titles = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      rightAligned[i] = header[i].startsWith(">");
      titles[i] = rightAligned[i] ? header[i].substring(1) : header[i];
    }
    rows.add(titles);
  }

  void row(String... cells) {
    if (cells.length != rightAligned.length) {
      throw new IllegalArgumentException(cells.length + " cells for " + rightAligned.length + " columns");
    }
    rows.add(cells.clone());
  }

  void render(StringBuilder out) {
    int[] widths = new int[rightAligned.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        int pad = widths[i] - r[i].length();
        boolean last = i == r.length - 1;
        if (rightAligned[i]) {
          line.append(" ".repeat(pad)).append(r[i]);
        } else {
          line.append(r[i]).append(last ? "" : " ".repeat(pad));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
