package io.sassim.validation.profiler;

import io.sassim.isa.InputException;
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
    int line) implements ProfiledLaunch {

  public NcuInstructionCounts {
    byPc = Collections.unmodifiableMap(new TreeMap<>(byPc));
  }

  static final String KERNEL = NcuTable.KERNEL;
  static final String WARP_INSTRUCTIONS = "smsp__inst_executed.sum";
  static final String THREAD_INSTRUCTIONS = "smsp__thread_inst_executed.sum";
  static final String BY_OPCODE = "sass__inst_executed_per_opcode";
  static final String BY_MNEMONIC = "sass__inst_executed_per_opcode_with_modifier_all";
  static final String BY_ADDRESS = "inst_executed";

  /** Whether this launch ran {@code entry}: the name as printed, or its demangled form. */
  @Override
  public boolean ran(String entry) {
    return NcuTable.ran(kernel, entry);
  }

  /** Every launch of {@code file}, in file order. */
  public static List<NcuInstructionCounts> read(Path file) throws InputException {
    NcuTable table = NcuTable.read(file);
    String hint = "; profile with that metric and export with --print-metric-instances details";
    int kernel = table.column(KERNEL, hint);
    int warp = table.column(WARP_INSTRUCTIONS, hint);
    int thread = table.column(THREAD_INSTRUCTIONS, hint);
    int byOpcode = table.column(BY_OPCODE, hint);
    int byMnemonic = table.column(BY_MNEMONIC, hint);
    int byAddress = table.column(BY_ADDRESS, hint);
    List<NcuInstructionCounts> launches = new ArrayList<>();
    for (NcuTable.Launch l : table.launches) {
      String[] r = l.cells();
      int line = l.line();
      launches.add(new NcuInstructionCounts(l.id(), r[kernel],
          count(file, line, WARP_INSTRUCTIONS, r[warp]),
          count(file, line, THREAD_INSTRUCTIONS, r[thread]),
          mix(file, line, BY_OPCODE, r[byOpcode]),
          mix(file, line, BY_MNEMONIC, r[byMnemonic]),
          relativePcs(file, line, mix(file, line, BY_ADDRESS, r[byAddress])),
          line));
    }
    return launches;
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


}
