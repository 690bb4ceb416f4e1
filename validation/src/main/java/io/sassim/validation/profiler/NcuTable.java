package io.sassim.validation.profiler;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of Nsight Compute's raw page export ({@code ncu --import R --csv --page raw}): a
 * header row of column names, an optional row of units (its ID cell is empty), then one row per
 * profiled kernel launch. Profiler log lines ({@code ==PROF== ...}) before the header, as a
 * {@code --log-file} copy holds them, and blank lines are passed over. Every launch row has the
 * header's number of cells and a numeric ID; anything else is one {@code file:line} message.
 */
final class NcuTable {
  static final String ID = "ID";
  static final String KERNEL = "Kernel Name";

  /** One launch: its cells, its ID and its line in the file. */
  record Launch(String[] cells, int id, int line) {}

  final Path file;
  final String[] names;
  final int headerLine;
  final List<Launch> launches;

  private NcuTable(Path file, String[] names, int headerLine, List<Launch> launches) {
    this.file = file;
    this.names = names;
    this.headerLine = headerLine;
    this.launches = launches;
  }

  static NcuTable read(Path file) throws InputException {
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
    List<Launch> launches = new ArrayList<>();
    for (int i = header + 1; i < rows.size(); i++) {
      String[] r = rows.get(i);
      int line = i + 1;
      if (r.length == 0 || r[0].isBlank() || r[0].startsWith("==")) {
        continue; // the units row, a blank line, a profiler log line
      }
      if (r.length != names.length) {
        throw new InputException(file, line, "has " + r.length + " columns, the header "
            + names.length);
      }
      int id;
      try {
        id = Integer.parseInt(r[0]);
      } catch (NumberFormatException e) {
        throw new InputException(file, line, "ID: not a launch number: \""
            + abbreviate(r[0]) + "\"");
      }
      launches.add(new Launch(r, id, line));
    }
    if (launches.isEmpty()) {
      throw new InputException(file, rows.size(), "holds no kernel launch");
    }
    return new NcuTable(file, names, header + 1, List.copyOf(launches));
  }

  /** The column named {@code name}; {@code hint} says how to get it when it is missing. */
  int column(String name, String hint) throws InputException {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    throw new InputException(file, headerLine, "the header has no \"" + name + "\" column"
        + hint);
  }

  /** Whether a launch of {@code kernel} (as printed) ran the entry {@code entry}. */
  static boolean ran(String kernel, String entry) {
    return kernel.equals(entry) || kernel.startsWith(entry + "(")
        || kernel.contains(" " + entry + "(");
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
      String m = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst()
          .orElse("unreadable");
      throw new InputException(file, rows.size() + 1, "not readable as CSV: " + m);
    }
    return rows;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
