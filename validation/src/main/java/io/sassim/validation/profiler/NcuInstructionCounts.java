package io.sassim.validation.profiler;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executed-instruction counters of one kernel launch, from an Nsight Compute raw export with
 * metric instances ({@code ncu --import R --csv --page raw --print-metric-instances details}).
 *
 * <p>The two kinds of count come from different replay passes. The {@code smsp__} counters are
 * hardware counters; the {@code sass__} per-opcode mixes come from ncu's SASS patching, which
 * counts each executed instruction of the kernel's own code. They agree for straight kernels,
 * but the hardware counters also count code outside the kernel's listing (printf's {@code
 * vprintf}) and, in a few kernels, instructions the patching does not (docs/validation.md
 * "Executed instructions"); and a kernel whose trip count depends on timing runs differently in
 * each pass.
 *
 * @param id the launch's ID: the order in which the profiled process launched kernels
 * @param kernel the kernel name as printed
 * @param warpInstructions {@code smsp__inst_executed.sum}
 * @param threadInstructions {@code smsp__thread_inst_executed.sum}
 * @param byOpcode {@code sass__inst_executed_per_opcode}: warp instructions by base opcode
 * @param byMnemonic {@code sass__inst_executed_per_opcode_with_modifier_all}: by opcode with
 *     every modifier as printed ({@code IMAD.MOV.U32})
 * @param byPc {@code inst_executed}, from the same patching pass: warp instructions by
 *     function-relative PC (ncu names each instance by its device address; the kernel's first
 *     instruction, which every warp executes, is the lowest)
 * @param line the launch's line in the CSV file, for messages
 */
public record NcuInstructionCounts(
    int id,
    String kernel,
    long warpInstructions,
    long threadInstructions,
    NcuOpcodeMix byOpcode,
    NcuOpcodeMix byMnemonic,
    Map<Integer, Long> byPc,
    int line) {

  public NcuInstructionCounts {
    byPc = Collections.unmodifiableMap(new TreeMap<>(byPc));
  }

  static final String ID = "ID";
  static final String KERNEL = "Kernel Name";
  static final String WARP_INSTRUCTIONS = "smsp__inst_executed.sum";
  static final String THREAD_INSTRUCTIONS = "smsp__thread_inst_executed.sum";
  static final String BY_OPCODE = "sass__inst_executed_per_opcode";
  static final String BY_MNEMONIC = "sass__inst_executed_per_opcode_with_modifier_all";
  static final String BY_ADDRESS = "inst_executed";

  /** Whether this launch ran {@code entry}: the name as printed, or its demangled form. */
  public boolean ran(String entry) {
    return kernel.equals(entry) || kernel.startsWith(entry + "(")
        || kernel.contains(" " + entry + "(");
  }

  /** Every launch of {@code file}, in file order. */
  public static List<NcuInstructionCounts> read(Path file) throws InputException {
    List<String[]> rows = rows(file);
    int header = -1;
    for (int i = 0; i < rows.size() && header < 0; i++) {
      String[] r = rows.get(i);
      if (r.length > 1 && r[0].equals(ID)) {
        header = i;
      } else if (r.length > 0 && !r[0].startsWith("==") && !r[0].isBlank()) {
        throw new InputException(file, i + 1, "not an Nsight Compute raw CSV export: expected a"
            + " header row starting with \"ID\"");
      }
    }
    if (header < 0) {
      throw new InputException(file, rows.size(), "not an Nsight Compute raw CSV export: no"
          + " header row starting with \"ID\"");
    }
    String[] names = rows.get(header);
    int kernel = column(file, header, names, KERNEL);
    int warp = column(file, header, names, WARP_INSTRUCTIONS);
    int thread = column(file, header, names, THREAD_INSTRUCTIONS);
    int byOpcode = column(file, header, names, BY_OPCODE);
    int byMnemonic = column(file, header, names, BY_MNEMONIC);
    int byAddress = column(file, header, names, BY_ADDRESS);
    List<NcuInstructionCounts> launches = new ArrayList<>();
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
        throw new InputException(file, line, "ID: not a launch number: \"" + r[0] + "\"");
      }
      launches.add(new NcuInstructionCounts(id, r[kernel],
          count(file, line, WARP_INSTRUCTIONS, r[warp]),
          count(file, line, THREAD_INSTRUCTIONS, r[thread]),
          mix(file, line, BY_OPCODE, r[byOpcode]),
          mix(file, line, BY_MNEMONIC, r[byMnemonic]),
          relativePcs(file, line, mix(file, line, BY_ADDRESS, r[byAddress])),
          line));
    }
    if (launches.isEmpty()) {
      throw new InputException(file, rows.size(), "holds no kernel launch");
    }
    return launches;
  }

  private static int column(Path file, int header, String[] names, String name)
      throws InputException {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    throw new InputException(file, header + 1, "the header has no \"" + name + "\" column;"
        + " profile with that metric and export with --print-metric-instances details");
  }

  /** A counter cell: {@code "125504.000000"} or {@code "2,197"}; a whole number of events. */
  private static long count(Path file, int line, String metric, String cell)
      throws InputException {
    String s = cell.replace(",", "").trim();
    try {
      double v = Double.parseDouble(s);
      if (v < 0 || v != Math.rint(v) || v > 1e18) {
        throw new NumberFormatException();
      }
      return (long) v;
    } catch (NumberFormatException e) {
      throw new InputException(file, line, metric + ": not a count of instructions: \"" + cell
          + "\"");
    }
  }

  private static NcuOpcodeMix mix(Path file, int line, String metric, String cell)
      throws InputException {
    NcuOpcodeMix m;
    try {
      m = NcuOpcodeMix.parse(cell);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, metric + ": " + e.getMessage());
    }
    if (m.listedSum() != m.total() && !m.counts().isEmpty()) {
      throw new InputException(file, line, metric + ": the opcodes add up to " + m.listedSum()
          + ", the total says " + m.total());
    }
    return m;
  }

  /** Device addresses ({@code 0x7fddff7a4c00}) made relative to the lowest. */
  private static Map<Integer, Long> relativePcs(Path file, int line, NcuOpcodeMix byAddress)
      throws InputException {
    long base = Long.MAX_VALUE;
    Map<Long, Long> absolute = new TreeMap<>();
    for (Map.Entry<String, Long> e : byAddress.counts().entrySet()) {
      String name = e.getKey();
      long address;
      try {
        if (!name.startsWith("0x")) {
          throw new NumberFormatException();
        }
        address = Long.parseUnsignedLong(name.substring(2), 16);
      } catch (NumberFormatException ex) {
        throw new InputException(file, line, BY_ADDRESS + ": instance \"" + name
            + "\" is not a code address");
      }
      absolute.put(address, e.getValue());
      base = Math.min(base, address);
    }
    Map<Integer, Long> out = new TreeMap<>();
    for (Map.Entry<Long, Long> e : absolute.entrySet()) {
      long pc = e.getKey() - base;
      if (pc % 16 != 0 || pc > Integer.MAX_VALUE) {
        throw new InputException(file, line, BY_ADDRESS + ": address 0x"
            + Long.toHexString(e.getKey()) + " is not an instruction of the kernel at 0x"
            + Long.toHexString(base));
      }
      out.put((int) pc, e.getValue());
    }
    return out;
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
}
