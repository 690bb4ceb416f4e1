package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.WarpTrace;
import java.util.Arrays;

/**
 * Parses one instruction line of a kernel trace:
 *
 * <pre>
 * [ctaX ctaY ctaZ warp] [line] PC mask dest_num [dest] opcode src_num [src...] width
 *     [mode payload...] [immediate]
 * </pre>
 *
 * The static fields (all but the prefix, mask and addresses) are looked up as raw bytes in a
 * {@link StaticKeyCache}; only a line whose static part is new is parsed in full, widened by
 * {@link TraceRegisterWidths} and interned in the {@link InstructionTable}. After {@link #parse}
 * the results are in {@link #id}, {@link #mask}, {@link #mode}, {@link #addresses} and {@link
 * #addressCount}.
 */
final class InstructionLineParser {

  /** The tracer's limit on listed source registers ({@code MAX_SRC}). */
  static final int MAX_SOURCES = 5;
  /** Bytes per lane beyond any SASS access, to catch damaged width fields. */
  static final int MAX_WIDTH = 256;

  private final KernelLaunch launch;
  private final TracerFormat format;
  private final InstructionTable table;
  private final StaticKeyCache cache = new StaticKeyCache();
  private boolean[] asyncCopy = new boolean[64];
  private byte[] key = new byte[128];
  private int keyLength;

  // Token positions of the current line's static fields.
  private int pcToken;
  private int destToken;
  private int destCount;
  private int opcodeToken;
  private int sourceToken;
  private int sourceCount;
  private int width;
  private int immediateToken;

  int id;
  int mask;
  int mode;
  final long[] addresses = new long[32];
  int addressCount;

  InstructionLineParser(KernelLaunch launch, TracerFormat format, InstructionTable table) {
    this.launch = launch;
    this.format = format;
    this.table = table;
  }

  /** Whether instruction {@code id} is an LDGSTS, whose records older tools left in pairs. */
  boolean isAsyncCopy(int instructionId) {
    return instructionId < asyncCopy.length && asyncCopy[instructionId];
  }

  /** Parses {@code line}, which belongs to warp {@code warp} of CTA {@code cta}. */
  void parse(TraceLine line, int ctaX, int ctaY, int ctaZ, int warp) throws InputException {
    int t = 0;
    if (format.ctaPrefix) {
      checkPrefix(line, ctaX, ctaY, ctaZ, warp);
      t = 4;
    }
    keyLength = 0;
    if (launch.lineInfo()) {
      line.require(t, "source line number");
      appendKey(line, t++);
    }
    line.require(t, "PC");
    pcToken = t;
    appendKey(line, t++);
    mask = (int) line.hex(t++, 8, "active mask");
    destCount = line.count(t, 1, "destination count");
    appendKey(line, t++);
    destToken = t;
    t = appendRegisters(line, t, destCount, "destination register");
    line.require(t, "opcode");
    opcodeToken = t;
    appendKey(line, t++);
    sourceCount = line.count(t, MAX_SOURCES, "source count");
    appendKey(line, t++);
    sourceToken = t;
    t = appendRegisters(line, t, sourceCount, "source register");
    width = line.count(t, MAX_WIDTH, "memory width");
    appendKey(line, t++);
    t = width > 0 ? parseAddresses(line, t) : noAddresses(t);
    immediateToken = parseImmediate(line, t);
    if (immediateToken >= 0) {
      appendKey(line, immediateToken);
    }
    int hash = StaticKeyCache.hash(key, keyLength);
    id = cache.get(key, keyLength, hash);
    if (id == StaticKeyCache.MISSING) {
      StaticInstruction s = staticInstruction(line);
      id = table.intern(s);
      if (id >= asyncCopy.length) {
        asyncCopy = Arrays.copyOf(asyncCopy, Math.max(asyncCopy.length * 2, id + 1));
      }
      asyncCopy[id] = s.baseOpcode().equals("LDGSTS");
      cache.put(key, keyLength, hash, id);
    }
  }

  private void checkPrefix(TraceLine line, int ctaX, int ctaY, int ctaZ, int warp)
      throws InputException {
    long x = line.decimal(0, 0, Integer.MAX_VALUE, "CTA x prefix");
    long y = line.decimal(1, 0, Integer.MAX_VALUE, "CTA y prefix");
    long z = line.decimal(2, 0, Integer.MAX_VALUE, "CTA z prefix");
    long w = line.decimal(3, 0, Integer.MAX_VALUE, "warp prefix");
    if (x != ctaX || y != ctaY || z != ctaZ || w != warp) {
      throw line.error("line is tagged CTA (" + x + "," + y + "," + z + ") warp " + w
          + " but stands in CTA (" + ctaX + "," + ctaY + "," + ctaZ + ") warp " + warp);
    }
  }

  private int noAddresses(int t) {
    mode = WarpTrace.MODE_NONE;
    addressCount = 0;
    return t;
  }

  /** Reads mode and payload; returns the token after them. */
  private int parseAddresses(TraceLine line, int t) throws InputException {
    mode = line.count(t, 9, "address mode");
    if (mode > AddressModes.DELTA) {
      throw line.error("unknown address mode " + mode + " (expected 0, 1 or 2)");
    }
    t++;
    int lanes = Integer.bitCount(mask);
    switch (mode) {
      case AddressModes.LIST -> {
        int listed = 0;
        while (t + listed < line.count() && line.startsWith0x(t + listed)) {
          listed++;
        }
        if (listed != lanes) {
          throw line.error("address mode 0 lists " + listed + " addresses but mask "
              + hex8(mask) + " has " + lanes + " active lanes");
        }
        for (int k = 0; k < lanes; k++) {
          addresses[k] = line.address(t + k, "address");
        }
        addressCount = lanes;
        return t + lanes;
      }
      case AddressModes.STRIDE -> {
        long base = line.address(t, "base address");
        long stride = line.decimal(t + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "address stride");
        if (mask != 0 && !AddressModes.isOneRun(mask)) {
          throw line.error("address mode 1 needs one contiguous run of active lanes, mask is "
              + hex8(mask));
        }
        AddressModes.expandStride(base, stride, addresses, lanes);
        addressCount = lanes;
        return t + 2;
      }
      default -> {
        if (lanes == 0) {
          throw line.error("address mode 2 needs an active lane, mask is 00000000");
        }
        addresses[0] = line.address(t, "base address");
        int deltas = line.count() - t - 1;
        int extra = deltas - (lanes - 1);
        if (extra < 0 || extra > 1 || extra == 1 && format.immediate == TracerFormat.Immediate.NONE
            || extra == 0 && format.immediate == TracerFormat.Immediate.REQUIRED) {
          throw line.error("address mode 2 with " + lanes + " active lanes needs " + (lanes - 1)
              + " deltas" + immediateNote() + ", found " + Math.max(0, deltas) + " fields");
        }
        for (int k = 1; k < lanes; k++) {
          addresses[k] = addresses[k - 1]
              + line.decimal(t + k, Long.MIN_VALUE, Long.MAX_VALUE, "address delta");
        }
        addressCount = lanes;
        return t + lanes;
      }
    }
  }

  private String immediateNote() {
    return switch (format.immediate) {
      case NONE -> "";
      case OPTIONAL -> " and an optional immediate";
      case REQUIRED -> " and an immediate";
    };
  }

  /** Checks what follows the addresses; returns the immediate's token or -1. */
  private int parseImmediate(TraceLine line, int t) throws InputException {
    int rest = line.count() - t;
    if (rest == 0) {
      if (format.immediate == TracerFormat.Immediate.REQUIRED) {
        throw line.error("line ends before the immediate (tracer version "
            + launch.tracerVersion() + " writes one on every line)");
      }
      return -1;
    }
    if (rest > 1 || format.immediate == TracerFormat.Immediate.NONE) {
      throw line.error("unexpected field '" + line.text(t) + "' after the "
          + (width > 0 ? "addresses" : "memory width"));
    }
    line.decimal(t, Long.MIN_VALUE, Long.MAX_VALUE, "immediate");
    return t;
  }

  private void appendKey(TraceLine line, int t) {
    int length = line.length(t);
    if (keyLength + length + 1 > key.length) {
      key = Arrays.copyOf(key, Math.max(key.length * 2, keyLength + length + 1));
    }
    System.arraycopy(line.buffer(), line.start(t), key, keyLength, length);
    keyLength += length;
    key[keyLength++] = ' ';
  }

  /** Appends {@code n} register tokens; their numbers are checked when the key is new. */
  private int appendRegisters(TraceLine line, int t, int n, String what) throws InputException {
    for (int i = 0; i < n; i++) {
      line.require(t, what);
      if (line.buffer()[line.start(t)] != 'R') {
        throw line.error(what + " must be a register R0..R255, got '" + line.text(t) + "'");
      }
      appendKey(line, t++);
    }
    return t;
  }

  /** Full parse of the static fields of a line not seen before. */
  private StaticInstruction staticInstruction(TraceLine line) throws InputException {
    int lineNumber = launch.lineInfo()
        ? (int) line.decimal(pcToken - 1, 0, Integer.MAX_VALUE, "source line number")
        : StaticInstruction.NO_LINE;
    long pc = line.hex(pcToken, 8, "PC");
    if (pc > Integer.MAX_VALUE) {
      throw line.error("PC " + line.text(pcToken) + " is out of range");
    }
    String opcode = opcode(line);
    int[] destinations = registers(line, destToken, destCount, "destination register");
    int[] sources = registers(line, sourceToken, sourceCount, "source register");
    boolean hasImmediate = immediateToken >= 0;
    long immediate = hasImmediate
        ? line.decimal(immediateToken, Long.MIN_VALUE, Long.MAX_VALUE, "immediate") : 0;
    TraceRegisterWidths.widen(opcode, launch.binaryVersion(), immediate, destinations, sources);
    return new StaticInstruction((int) pc, lineNumber, opcode, destinations, sources, width,
        hasImmediate, immediate, StaticInstruction.NO_CONTROL);
  }

  private String opcode(TraceLine line) throws InputException {
    String opcode = line.text(opcodeToken);
    char first = opcode.charAt(0);
    boolean ok = first >= 'A' && first <= 'Z' && !opcode.endsWith(".");
    for (int i = 1; ok && i < opcode.length(); i++) {
      char c = opcode.charAt(i);
      ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
          || c == '.' && opcode.charAt(i - 1) != '.';
    }
    if (!ok) {
      throw line.error("'" + opcode + "' is not an opcode (expected e.g. LDG.E.64)");
    }
    return opcode;
  }

  private static int[] registers(TraceLine line, int t, int n, String what)
      throws InputException {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = RegisterRange.general(line.register(t + i, what));
    }
    return out;
  }

  static String hex8(int mask) {
    String s = Integer.toHexString(mask);
    return "00000000".substring(s.length()) + s;
  }
}
