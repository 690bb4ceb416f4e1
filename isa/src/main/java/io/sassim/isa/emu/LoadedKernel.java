package io.sassim.isa.emu;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.cubin.Cubin;
import io.sassim.isa.cubin.CubinKernel;
import io.sassim.isa.cubin.CubinReader;
import io.sassim.isa.cubin.DeviceGlobals;
import io.sassim.isa.cubin.KernelParameter;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.MemoryOperand;
import io.sassim.isa.sass.Operand;
import io.sassim.isa.sass.RegisterFile;
import io.sassim.isa.sass.RegisterOperand;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the emulator needs from a compiled kernel: the listing's instructions, and from the
 * cubin the parameter layout, shared and local memory sizes and the constant banks' contents.
 *
 * @param listing the kernel's instructions as parsed from its {@code .sass} listing
 * @param listingFile the listing path, for messages
 * @param paramBase byte offset of the first parameter in bank 0
 * @param paramOffsets offset of each parameter from {@code paramBase}, in parameter order
 * @param staticSharedBytes {@code .nv.shared.<kernel>} size
 * @param localBytes per-thread local memory: the stack frame plus callees, or a fixed allowance
 *     when recursion leaves it unbounded
 * @param registerCount registers per thread as the cubin reports them (what a trace header shows)
 * @param registerFile registers the emulator allocates per thread: enough for every register the
 *     code names, register blocks included
 * @param constantBanks initial contents of banks other than 0 (module banks, then the kernel's)
 * @param bank0Bytes size of the kernel's bank 0 (driver values and parameters)
 * @param globals the module's {@code __device__} variables and the bank words that point at them
 */
public record LoadedKernel(
    Kernel listing,
    String listingFile,
    Architecture architecture,
    int paramBase,
    List<Integer> paramOffsets,
    int staticSharedBytes,
    int localBytes,
    int registerCount,
    int registerFile,
    Map<Integer, byte[]> constantBanks,
    int bank0Bytes,
    DeviceGlobals globals) {

  /** Local memory per thread when ptxas could not bound the stack (recursion). */
  static final int UNBOUNDED_LOCAL_BYTES = 16 * 1024;

  public String name() {
    return listing.name();
  }

  /**
   * Loads kernel {@code name} from {@code binary}: a cubin, whose listing is the {@code .sass}
   * file next to it (the corpus layout), or a listing alone, in which case the parameter layout
   * follows the C alignment rules and shared memory is sized at its 48 KiB static maximum.
   */
  public static LoadedKernel load(Path binary, String name, Architecture arch, List<Integer> argSizes)
      throws InputException {
    String file = binary.getFileName().toString();
    boolean isCubin = file.endsWith(".cubin");
    Path listingPath = isCubin
        ? binary.resolveSibling(file.substring(0, file.length() - ".cubin".length()) + ".sass")
        : binary;
    if (!Files.isRegularFile(listingPath)) {
      throw new InputException(listingPath, 0, "no listing: the emulator executes the cuobjdump -sass"
          + " listing next to the cubin; generate it with scripts/sass-toolchain.sh");
    }
    SassListing listing = SassParser.parse(listingPath);
    Kernel kernel = listing.kernel(name);
    if (kernel == null) {
      throw new InputException(listingPath, 0, "no kernel named " + name + " in the listing");
    }
    int paramBase = arch == Architecture.SM_90 || arch == Architecture.SM_90A ? 0x210 : 0x160;
    List<Integer> offsets = naturalOffsets(argSizes);
    int shared = 48 * 1024;
    int local = 0;
    int regs = 0;
    int bank0 = 0;
    Map<Integer, byte[]> banks = new java.util.TreeMap<>();
    DeviceGlobals globals = new DeviceGlobals(new byte[0], 0, List.of());
    if (isCubin) {
      Cubin cubin = CubinReader.read(binary);
      CubinKernel k = cubin.kernel(name);
      if (k == null) {
        throw new InputException(binary, 0, "no kernel named " + name + " in the cubin");
      }
      paramBase = k.paramBase();
      if (k.parameters().size() == argSizes.size()) {
        offsets = new ArrayList<>();
        for (KernelParameter p : k.parameters()) {
          offsets.add(p.offset());
        }
      } else {
        throw new InputException(binary, 0, "kernel " + name + " takes " + k.parameters().size()
            + " parameters, the launch gives " + argSizes.size());
      }
      shared = k.staticSharedBytes();
      local = k.minStackBytes() == CubinKernel.UNBOUNDED_STACK
          ? UNBOUNDED_LOCAL_BYTES
          : Math.max(k.frameBytes(), k.minStackBytes());
      regs = k.registerCount();
      bank0 = k.constantBankBytes().getOrDefault(0, 0);
      banks.putAll(CubinReader.readConstantBanks(binary, null));
      for (Map.Entry<Integer, byte[]> e : CubinReader.readConstantBanks(binary, name).entrySet()) {
        if (e.getKey() != 0) {
          banks.put(e.getKey(), e.getValue());
        }
      }
      banks.remove(0);
      globals = CubinReader.readDeviceGlobals(binary, name);
    }
    int registerFile = Math.max(regs, highestRegister(kernel) + 1);
    return new LoadedKernel(kernel, listingPath.toString(), arch, paramBase, List.copyOf(offsets),
        shared, (local + 15) & ~15, regs == 0 ? registerFile : regs, registerFile, Map.copyOf(banks), bank0, globals);
  }

  /** Parameter offsets under C alignment (each parameter aligned to its own size). */
  private static List<Integer> naturalOffsets(List<Integer> sizes) {
    List<Integer> out = new ArrayList<>();
    int at = 0;
    for (int s : sizes) {
      at = (at + s - 1) / s * s;
      out.add(at);
      at += s;
    }
    return out;
  }

  /** The highest general register any operand of {@code kernel} touches, counting blocks. */
  private static int highestRegister(Kernel kernel) {
    int max = 0;
    for (Instruction in : kernel.instructions()) {
      for (Operand op : in.operands()) {
        if (op instanceof RegisterOperand r) {
          max = Math.max(max, top(r, r.count()));
        } else if (op instanceof MemoryOperand m && m.base() != null) {
          max = Math.max(max, top(m.base(), m.wide() ? 2 : 1));
        }
      }
    }
    return max;
  }

  private static int top(RegisterOperand r, int count) {
    if (r.file() != RegisterFile.R || r.isZero()) {
      return 0;
    }
    return Math.min(254, r.index() + Math.max(count, 4) - 1);
  }
}
