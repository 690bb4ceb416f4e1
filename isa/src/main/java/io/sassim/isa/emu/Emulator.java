package io.sassim.isa.emu;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.cubin.DeviceGlobals;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional SASS emulator: executes one kernel launch thread by thread, exactly as the
 * listing says, and hands every executed warp instruction to an {@link EmulatorListener}.
 *
 * <pre>{@code
 * Emulator emu = Emulator.forLaunch(LaunchSpecLoader.load(path), Architecture.SM_86);
 * EmulationResult r = emu.run(null);
 * byte[] c = r.buffers().get("c");
 * }</pre>
 *
 * <p>Each {@link #run} starts from the spec's initial buffer contents. Semantics follow
 * sass-semantics.md; docs/emulator.md lists what is covered and the tolerances.
 */
public final class Emulator {
  /** Generic address of shared offset 0 (bank 0 word 0x18, SR_SWINLO/HI on sm_90). */
  public static final long SHARED_WINDOW = Grid.SHARED_WINDOW;
  /** Generic address of local offset 0 (bank 0 word 0x20). */
  public static final long LOCAL_WINDOW = Grid.LOCAL_WINDOW;
  /** Device address of the first buffer; later ones follow in parameter order. */
  public static final long GLOBAL_BASE = GlobalMemory.BASE;

  private final LoadedKernel kernel;
  private final LaunchSpec spec;
  private final List<byte[]> initial = new ArrayList<>();
  private final Op[] ops;

  /** Loads the binary of {@code spec} for {@code arch} and builds the initial buffers. */
  public static Emulator forLaunch(LaunchSpec spec, Architecture arch) throws InputException {
    if (!spec.appliesTo(arch)) {
      throw new InputException(spec.source(), 0, "the launch is restricted to " + spec.archs() + ", not " + arch);
    }
    java.nio.file.Path binary = spec.binaryFor(arch);
    if (!Files.exists(binary)) {
      throw new InputException(spec.source(), 0, "no binary for " + arch + ": " + binary);
    }
    List<Integer> sizes = new ArrayList<>();
    for (KernelArg a : spec.args()) {
      sizes.add(a.paramBytes());
    }
    return new Emulator(LoadedKernel.load(binary, spec.kernel(), arch, sizes), spec);
  }

  public Emulator(LoadedKernel kernel, LaunchSpec spec) throws InputException {
    this.kernel = kernel;
    this.spec = spec;
    long address = GlobalMemory.BASE;
    for (BufferArg b : spec.buffers()) {
      try {
        // A pointer chain holds absolute addresses, so it is built at the address it will get.
        initial.add(BufferContents.build(b, address));
        address = GlobalMemory.after(address, b.byteSize());
      } catch (IOException e) {
        throw new InputException(spec.source().toString(), 0, "args." + b.name() + ": " + e.getMessage(), e);
      }
    }
    this.ops = Decoder.decodeAll(kernel, bank0Template(), placeGlobals());
  }

  /**
   * Allocates the module's {@code __device__} variables after the buffers, as the driver does at
   * load time, and returns the constant banks with their addresses patched in.
   */
  private Map<Integer, byte[]> placeGlobals() {
    DeviceGlobals g = kernel.globals();
    if (g.isEmpty()) {
      return kernel.constantBanks();
    }
    int initIndex = initial.size();
    initial.add(g.initialized().clone());
    initial.add(new byte[g.zeroedBytes()]);
    long initBase = bufferAddress(initial, initIndex);
    long zeroedBase = bufferAddress(initial, initIndex + 1);
    Map<Integer, byte[]> banks = new java.util.TreeMap<>();
    kernel.constantBanks().forEach((bank, bytes) -> banks.put(bank, bytes.clone()));
    for (DeviceGlobals.Relocation r : g.relocations()) {
      byte[] bank = banks.get(r.bank());
      if (bank != null && r.offset() + 8 <= bank.length) {
        LittleEndian.putLong(bank, r.offset(), (r.zeroed() ? zeroedBase : initBase) + r.target());
      }
    }
    return banks;
  }

  public LoadedKernel kernel() {
    return kernel;
  }

  public LaunchSpec spec() {
    return spec;
  }

  /**
   * The instructions of the kernel the emulator cannot execute, in PC order; running into one
   * raises an {@link EmulationException}. Unreached ones do no harm.
   */
  public List<String> unsupported() {
    List<String> out = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Decoder.Unsupported u) {
        out.add(String.format("0x%04x %s (%s)", op.instruction.pc(), op.instruction.text(), u.reason));
      }
    }
    return out;
  }

  /** Address of buffer {@code index} (in parameter order) in every run. */
  static long bufferAddress(List<byte[]> buffers, int index) {
    long addr = GlobalMemory.BASE;
    for (int i = 0; i < index; i++) {
      addr = GlobalMemory.after(addr, buffers.get(i).length);
    }
    return addr;
  }

  /** Runs the whole grid; {@code listener} may be null. */
  public EmulationResult run(EmulatorListener listener) throws EmulationException, IOException {
    Grid grid = newGrid(listener);
    ThreadBlock block = grid.newBlock();
    long ctas = grid.ctaCount();
    for (long cta = 0; cta < ctas; cta++) {
      block.start(cta);
      if (listener != null) {
        listener.ctaStarted(block);
      }
      block.run();
      if (listener != null) {
        listener.ctaFinished(block);
      }
    }
    return result(grid);
  }

  /**
   * A launch ready to run, for callers that schedule CTAs and warps themselves (a timing model):
   * create blocks with {@link Grid#newBlock()}, {@link ThreadBlock#start} them and call {@link
   * Warp#step()}; {@link #result(Grid)} reads the buffers afterwards.
   */
  public Grid newGrid(EmulatorListener listener) {
    GlobalMemory memory = new GlobalMemory();
    for (byte[] b : initial) {
      memory.allocate(b.clone());
    }
    return new Grid(kernel, ops, memory, spec.grid(), spec.block(), sharedBytes(), listener);
  }

  /**
   * Shared memory per CTA: static plus dynamic. On sm_90 shared addresses start at 0x400, which
   * the cubin's static size already covers when there is static data.
   */
  public int sharedBytes() {
    if (kernel.architecture() == Architecture.SM_90 || kernel.architecture() == Architecture.SM_90A) {
      return Math.max(kernel.staticSharedBytes(), 0x400) + spec.dynamicSharedBytes();
    }
    return kernel.staticSharedBytes() + spec.dynamicSharedBytes();
  }

  /** Device address of each buffer argument, in parameter order. */
  public List<Long> bufferAddresses() {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < spec.buffers().size(); i++) {
      out.add(bufferAddress(initial, i));
    }
    return out;
  }

  /** Size in bytes of each buffer argument, in parameter order. */
  public List<Long> bufferSizes() {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < spec.buffers().size(); i++) {
      out.add((long) initial.get(i).length);
    }
    return out;
  }

  /** Final buffer contents and counts of a grid made by {@link #newGrid}. */
  public EmulationResult result(Grid grid) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<BufferArg> buffers = spec.buffers();
    for (int i = 0; i < buffers.size(); i++) {
      out.put(buffers.get(i).name(), grid.memory.data(i));
    }
    return new EmulationResult(out, grid.warpInstructions, grid.threadInstructions);
  }

  /** Bank 0 as the driver fills it: geometry, windows, stack, parameters (§5.1). */
  private byte[] bank0Template() {
    int size = Math.max(kernel.bank0Bytes(), kernel.paramBase() + paramBytes());
    size = Math.max(size, 0x200);
    byte[] b = new byte[(size + 15) & ~15];
    int[] block = spec.block().toArray();
    int[] grid = spec.grid().toArray();
    for (int i = 0; i < 3; i++) {
      LittleEndian.putInt(b, 4 * i, block[i]);
      LittleEndian.putInt(b, 0xc + 4 * i, grid[i]);
    }
    LittleEndian.putLong(b, 0x18, Grid.SHARED_WINDOW);
    LittleEndian.putLong(b, 0x20, Grid.LOCAL_WINDOW);
    LittleEndian.putInt(b, 0x28, Math.max(16, kernel.localBytes()));
    LittleEndian.putInt(b, 0x2c, spec.dynamicSharedBytes());
    LittleEndian.putInt(b, 0x30, 1);
    LittleEndian.putInt(b, 0x10c, 1);
    int buffer = 0;
    List<KernelArg> args = spec.args();
    for (int i = 0; i < args.size(); i++) {
      int at = kernel.paramBase() + kernel.paramOffsets().get(i);
      if (args.get(i) instanceof ScalarArg s) {
        byte[] v = s.toBytes();
        System.arraycopy(v, 0, b, at, v.length);
      } else {
        LittleEndian.putLong(b, at, bufferAddress(initial, buffer++));
      }
    }
    return b;
  }

  private int paramBytes() {
    int end = 0;
    List<KernelArg> args = spec.args();
    for (int i = 0; i < args.size(); i++) {
      end = Math.max(end, kernel.paramOffsets().get(i) + args.get(i).paramBytes());
    }
    return end;
  }
}
