package io.sassim.validation.profiler;

import io.sassim.isa.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Nsight Compute's raw page export ({@code ncu --import R --csv --page raw}): a header row
 * of column names, an optional row of units (its ID cell is empty), then one row per profiled
 * kernel launch. Numbers carry thousands separators ({@code "3,963,262.62"}). Profiler log lines
 * ({@code ==PROF== ...}) before the header, as a {@code --log-file} copy holds them, are passed
 * over. Metrics are the columns named {@code unit__counter.rollup}; device attributes (no rollup)
 * are not read. A metric cell that is not a number ({@code n/a}) is left out of that launch's
 * metrics.
 */
public final class NcuCsv {
  private NcuCsv() {}

  /** The launches of {@code file}, in file order. */
  public static List<NcuLaunch> read(Path file) throws InputException {
    NcuTable table = NcuTable.read(file);
    int kernelColumn = table.column(NcuTable.KERNEL, "");
    String[] names = table.names;
    List<NcuLaunch> launches = new ArrayList<>();
    for (NcuTable.Launch l : table.launches) {
      Map<String, Double> metrics = new HashMap<>();
      for (int c = 0; c < names.length; c++) {
        if (names[c].contains("__") && names[c].contains(".")) {
          Double v = number(l.cells()[c]);
          if (v != null) {
            metrics.put(names[c], v);
          }
        }
      }
      launches.add(new NcuLaunch(l.id(), l.cells()[kernelColumn], metrics, l.line()));
    }
    return launches;
  }

  /** A cell as a number, thousands separators removed; null when it holds none. */
  static Double number(String cell) {
    String s = cell.replace(",", "").trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }






}
