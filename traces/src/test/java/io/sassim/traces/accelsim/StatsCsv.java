package io.sassim.traces.accelsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracer's {@code stats.csv}: one row per launched kernel with its name, grid, block and
 * dynamic warp instruction count. Rows cut short (a crashed run) are left out.
 */
record StatsCsv(Map<String, Row> byKernel) {

  /** One kernel's row; {@code kernel} is the file stem, e.g. {@code kernel-3}. */
  record Row(String kernel, String name, int[] grid, int[] block, long totalInsts) {}

  static StatsCsv read(Path csv) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f.length < 12 || f[10].isBlank()) {
        continue;
      }
      String kernel = stem(f[0].strip());
      rows.put(kernel, new Row(kernel, f[1].strip(),
          new int[] {num(f[2]), num(f[3]), num(f[4])},
          new int[] {num(f[6]), num(f[7]), num(f[8])},
          Long.parseLong(f[10].strip())));
    }
    return new StatsCsv(rows);
  }

  /** {@code kernel-3.trace.xz} or {@code kernel-3.traceg} to {@code kernel-3}. */
  static String stem(String fileName) {
    int dot = fileName.indexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }

  private static int num(String s) {
    return Integer.parseInt(s.strip());
  }
}
