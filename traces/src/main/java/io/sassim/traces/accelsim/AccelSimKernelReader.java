package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.WarpTrace;
import java.util.Arrays;

/**
 * Streams one {@code .traceg} (or {@code .traceg.xz}) file: the header is read when the file is
 * opened, then each {@link #nextCta()} reads one {@code #BEGIN_TB ... #END_TB} block, so memory
 * holds one thread block at a time.
 *
 * <p>Stricter than Accel-Sim, which trusts its input: every warp must have exactly its {@code
 * insts =} count of lines, warps come in increasing order and exist in the block, the thread
 * block lies inside the grid, and a file that ends inside a block is an error.
 */
final class AccelSimKernelReader implements KernelTrace {

  /** Cap on the capacity reserved from an {@code insts =} count before its lines are seen. */
  private static final int MAX_RESERVED = 1 << 12;

  private final String file;
  private final LineReader in;
  private final KernelLaunch launch;
  private final TraceLine line;
  private final InstructionTable table = new InstructionTable();
  private final InstructionLineParser parser;
  private final AsyncCopyPairs pairs = new AsyncCopyPairs();
  private boolean finished;

  /** Reads the header of {@code in}, closing it if that fails. */
  static AccelSimKernelReader open(LineReader in) throws InputException {
    try {
      return new AccelSimKernelReader(in, KernelHeader.read(in));
    } catch (InputException | RuntimeException e) {
      closeQuietly(in);
      throw e instanceof InputException ie ? ie : unexpected(in, (RuntimeException) e);
    }
  }

  private AccelSimKernelReader(LineReader in, KernelHeader header) {
    this.in = in;
    this.file = in.file();
    this.launch = header.launch();
    this.line = new TraceLine(file);
    this.parser = new InstructionLineParser(launch, header.format(), table);
  }

  @Override
  public KernelLaunch launch() {
    return launch;
  }

  @Override
  public InstructionTable instructions() {
    return table;
  }

  @Override
  public boolean hasControlBits() {
    return table.allHaveControl();
  }

  @Override
  public CtaTrace nextCta() throws InputException {
    if (finished) {
      return null;
    }
    try {
      CtaTrace cta = readCta();
      finished = cta == null;
      return cta;
    } catch (InputException e) {
      finished = true;
      throw e;
    } catch (RuntimeException e) {
      // A parser bug must still surface as a message about the input, not a crash.
      finished = true;
      throw unexpected(in, e);
    }
  }

  private static InputException unexpected(LineReader in, RuntimeException e) {
    return new InputException(in.file(), Math.max(1, in.number()),
        "cannot read this line (" + e + ")", e);
  }

  private CtaTrace readCta() throws InputException {
    int begin = findBegin();
    if (begin == 0) {
      return null;
    }
    nextLine(begin, "thread block = x,y,z");
    if (line.count() != 4 || !line.is(0, "thread") || !line.is(1, "block") || !line.is(2, "=")) {
      throw line.error(
          "expected 'thread block = x,y,z' after #BEGIN_TB, got '" + in.shortText() + "'");
    }
    Dim3 cta = ctaId(line.text(3));
    WarpTrace[] warps = new WarpTrace[launch.warpsPerCta()];
    int nextWarp = 0;
    int announced = 0;
    while (true) {
      nextLine(begin, "#END_TB");
      if (line.count() == 1 && line.is(0, "#END_TB")) {
        break;
      }
      if (nextWarp > 0 && looksLikeInstruction()) {
        throw line.error("warp " + (nextWarp - 1) + " has more instruction lines than the '"
            + "insts =' count at line " + announced + " says (expected 'warp = n' or #END_TB)");
      }
      int warp = warpNumber();
      if (warp < nextWarp) {
        throw line.error("warp " + warp + " comes after warp " + (nextWarp - 1)
            + "; warps must be listed in increasing order");
      }
      nextLine(begin, "insts = n");
      if (line.count() != 3 || !line.is(0, "insts") || !line.is(1, "=")) {
        throw line.error("expected 'insts = n' after 'warp = " + warp + "', got '" + in.shortText()
            + "'");
      }
      int insts = (int) line.decimal(2, 0, Integer.MAX_VALUE, "instruction count");
      announced = in.number();
      warps[warp] = readWarp(cta, warp, insts);
      nextWarp = warp + 1;
    }
    for (int w = 0; w < warps.length; w++) {
      if (warps[w] == null) {
        warps[w] = new WarpTrace.Builder(w, 1).build();
      }
    }
    return new CtaTrace(cta, Arrays.asList(warps));
  }

  /** Skips blank and comment lines to {@code #BEGIN_TB}; returns its line, or 0 at the end. */
  private int findBegin() throws InputException {
    while (in.next()) {
      if (in.isBlank()) {
        continue;
      }
      line.split(in);
      if (line.count() == 1 && line.is(0, "#BEGIN_TB")) {
        return in.number();
      }
      if (line.is(0, "#END_TB")) {
        throw line.error("#END_TB without a #BEGIN_TB");
      }
      if (!in.startsWith("#")) {
        throw line.error("expected #BEGIN_TB, got '" + in.shortText() + "'"
            + (looksLikeInstruction()
                ? " (raw .trace files must be post-processed into .traceg first)" : ""));
      }
    }
    return 0;
  }

  /** Moves to the next non-blank line of a block that began at {@code begin} and splits it. */
  private void nextLine(int begin, String expected) throws InputException {
    while (in.next()) {
      if (!in.isBlank()) {
        line.split(in);
        return;
      }
    }
    throw new InputException(file, Math.max(1, in.number()),
        "file ends inside the thread block that begins at line " + begin + " (expected '"
            + expected + "')");
  }

  /** Five or more fields starting with hex digits: a PC (or the 1.2 prefix). */
  private boolean looksLikeInstruction() {
    if (line.count() < 5) {
      return false;
    }
    byte[] b = line.buffer();
    for (int i = line.start(0); i < line.end(0); i++) {
      boolean hex = b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f';
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  private int warpNumber() throws InputException {
    if (line.count() != 3 || !line.is(0, "warp") || !line.is(1, "=")) {
      throw line.error("expected 'warp = n' or #END_TB, got '" + in.shortText() + "'");
    }
    int warp = (int) line.decimal(2, 0, Integer.MAX_VALUE, "warp number");
    if (warp >= launch.warpsPerCta()) {
      throw line.error("warp " + warp + " does not exist: a block of " + launch.threadsPerCta()
          + " threads has " + launch.warpsPerCta() + " warps");
    }
    return warp;
  }

  private WarpTrace readWarp(Dim3 cta, int warp, int insts) throws InputException {
    int announced = in.number();
    WarpTrace.Builder builder = new WarpTrace.Builder(warp, Math.min(insts, MAX_RESERVED));
    pairs.reset(builder);
    for (int i = 0; i < insts; i++) {
      if (!in.next()) {
        throw new InputException(file, Math.max(1, in.number()), "file ends after " + i
            + " of the " + insts + " instructions announced at line " + announced);
      }
      line.split(in);
      if (line.count() == 0 || in.startsWith("#") || line.is(0, "warp")) {
        throw line.error("warp " + warp + " has only " + i + " instruction lines but line "
            + announced + " announces insts = " + insts);
      }
      parser.parse(line, cta.x(), cta.y(), cta.z(), warp);
      pairs.add(parser);
    }
    pairs.flush();
    return builder.build();
  }

  /** Parses {@code x,y,z} and checks it lies in the grid. */
  private Dim3 ctaId(String text) throws InputException {
    String[] parts = text.split(",", -1);
    int[] xyz = new int[3];
    Dim3 grid = launch.grid();
    int[] limits = grid.toArray();
    boolean ok = parts.length == 3;
    for (int i = 0; ok && i < 3; i++) {
      try {
        xyz[i] = Integer.parseInt(parts[i]);
        ok = xyz[i] >= 0;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw line.error("thread block must be x,y,z with non-negative integers, got '" + text
          + "'");
    }
    for (int i = 0; i < 3; i++) {
      if (xyz[i] >= limits[i]) {
        throw line.error("thread block (" + text + ") lies outside the grid (" + grid.x() + ","
            + grid.y() + "," + grid.z() + ")");
      }
    }
    return new Dim3(xyz[0], xyz[1], xyz[2]);
  }

  @Override
  public void close() throws InputException {
    finished = true;
    in.close();
  }

  private static void closeQuietly(LineReader in) {
    try {
      in.close();
    } catch (InputException ignored) {
      // The error that made us close is the one worth reporting.
    }
  }
}
