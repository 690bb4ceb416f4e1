package io.sassim.validation.profiler;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
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
  static final String ID = "ID";
  static final String KERNEL = "Kernel Name";

  private NcuCsv() {}

  /** The launches of {@code file}, in file order. */
  public static List<NcuLaunch> read(Path file) throws InputException {
    List<String[]> rows = rows(file);
    int header = -1;
    for (int i = 0; i < rows.size() && header < 0; i++) {
      String[] r = rows.get(i);
      if (r.length > 1 && r[0].equals(ID)) {
        header = i;
      } else if (r.length > 0 && !r[0].startsWith("==") && !r[0].isBlank()) {
        throw new InputException(file, i + 1, "not an Nsight Compute raw CSV export: expected a"
            + " header row starting with \"ID\", got \"" + abbreviate(r[0]) + "\"");
      }
    }
    if (header < 0) {
      throw new InputException(file, rows.size(), "not an Nsight Compute raw CSV export: no"
          + " header row starting with \"ID\"");
    }
    String[] names = rows.get(header);
    int kernelColumn = indexOf(names, KERNEL);
    if (kernelColumn < 0) {
      throw new InputException(file, header + 1, "the header has no \"" + KERNEL + "\" column");
    }
    List<NcuLaunch> launches = new ArrayList<>();
    for (int i = header + 1; i < rows.size(); i++) {
      String[] r = rows.get(i);
      int line = i + 1;
      if (r.length == 0 || (r.length == 1 && r[0].isBlank()) || r[0].startsWith("==")) {
        continue;
      }
      if (r[0].isEmpty()) {
        continue; // the units row
      }
      if (r.length != names.length) {
        throw new InputException(file, line, "has " + r.length + " columns, the header "
            + names.length);
      }
      int id;
      try {
        id = Integer.parseInt(r[0]);
      } catch (NumberFormatException e) {
        throw new InputException(file, line, "ID: not a launch number: \"" + abbreviate(r[0])
            + "\"");
      }
      Map<String, Double> metrics = new HashMap<>();
      for (int c = 0; c < names.length; c++) {
        if (names[c].contains("__") && names[c].contains(".")) {
          Double v = number(r[c]);
          if (v != null) {
            metrics.put(names[c], v);
          }
        }
      }
      launches.add(new NcuLaunch(id, r[kernelColumn], metrics, line));
    }
    if (launches.isEmpty()) {
      throw new InputException(file, rows.size(), "holds no kernel launch");
    }
    return launches;
  }

  private static List<String[]> rows(Path file) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, 0, "no such file");
    }
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      int line = rows.size() + 1;
      throw new InputException(file, line, "not readable as CSV: " + firstLine(e.getMessage()));
    }
    return rows;
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

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
