package io.sassim.isa.emu;

import io.sassim.isa.sass.ConstantOperand;
import io.sassim.isa.sass.FloatImmediate;
import io.sassim.isa.sass.Guard;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.IntImmediate;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.Operand;
import io.sassim.isa.sass.RegisterFile;
import io.sassim.isa.sass.RegisterOperand;
import java.util.Map;

/**
 * Turns listed instructions into {@link Op}s, once per launch: operands become {@link Src},
 * {@link Dst} and {@link Pred} objects, constants of the launch (bank 0 included) become
 * immediates, and each opcode family's class picks the behaviour from the modifiers. An
 * instruction no family accepts becomes {@link Unsupported}, which fails only if executed.
 */
final class Decoder {
  /** How a source operand's immediate is encoded. */
  enum Kind { INT, F32, F64 }

  final LoadedKernel kernel;
  private final byte[] bank0;
  private final Map<Integer, byte[]> banks;

  private Decoder(LoadedKernel kernel, byte[] bank0, Map<Integer, byte[]> banks) {
    this.kernel = kernel;
    this.bank0 = bank0;
    this.banks = banks;
  }

  /** Decodes every instruction of {@code kernel} against the launch's bank 0 and other banks. */
  static Op[] decodeAll(LoadedKernel kernel, byte[] bank0, Map<Integer, byte[]> banks) {
    Decoder d = new Decoder(kernel, bank0, banks);
    Kernel k = kernel.listing();
    Op[] ops = new Op[k.size()];
    for (int i = 0; i < ops.length; i++) {
      Instruction in = k.instructions().get(i);
      Op op;
      try {
        op = d.decode(in);
      } catch (NotSupported e) {
        op = new Unsupported(in, e.getMessage());
      } catch (RuntimeException e) {
        op = new Unsupported(in, "operands not understood (" + e + ")");
      }
      ops[i] = op;
    }
    return ops;
  }

  /** Thrown while decoding an instruction the emulator does not implement. */
  static final class NotSupported extends Exception {
    private static final long serialVersionUID = 1L;

    NotSupported(String reason) {
      super(reason, null, false, false);
    }
  }

  /** An instruction the emulator cannot execute; reaching it ends the launch with an error. */
  static final class Unsupported extends Op {
    final String reason;

    Unsupported(Instruction in, String reason) {
      super(in, null);
      this.reason = reason;
    }

    @Override
    boolean isControl() {
      return true;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      String name = instruction.isUnprinted() ? "(unprinted encoding)" : instruction.mnemonic();
      throw fault(w, "unsupported instruction " + name + ": " + reason);
    }
  }

  private Op decode(Instruction in) throws NotSupported {
    if (in.isUnprinted()) {
      return UnprintedOps.decode(this, in);
    }
    String op = in.opcode();
    switch (op) {
      case "NOP": case "MEMBAR": case "ERRBAR": case "CCTL": case "DEPBAR": case "LDGDEPBAR":
      case "FENCE": case "CGAERRBAR": case "ENDCOLLECTIVE": case "PREEXIT": case "ACQBULK":
      case "WARPGROUP":
        return new Nop(in, guard(in), addressOf(in));
      default:
        break;
    }
    Op result = IntegerOps.decode(this, in);
    if (result == null) {
      result = FloatOps.decode(this, in);
    }
    if (result == null) {
      result = ConversionOps.decode(this, in);
    }
    if (result == null) {
      result = MemoryOps.decode(this, in);
    }
    if (result == null) {
      result = ControlOps.decode(this, in);
    }
    if (result == null) {
      result = WarpOps.decode(this, in);
    }
    if (result == null) {
      result = TensorOps.decode(this, in);
    }
    if (result == null) {
      throw new NotSupported("no emulation for opcode " + op);
    }
    return result;
  }

  /** The address operand of {@code in}, or null when it has none. */
  private static Address addressOf(Instruction in) throws NotSupported {
    for (Operand op : in.operands()) {
      if (op instanceof io.sassim.isa.sass.MemoryOperand m) {
        return new Address(m);
      }
    }
    return null;
  }

  /**
   * An instruction with no functional effect (fences, cache control, scoreboard waits). Cache
   * control still names addresses, which a trace records.
   */
  static final class Nop extends Op {
    private final Address address;

    Nop(Instruction in, Pred guard, Address address) {
      super(in, guard);
      this.address = address;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      if (address != null) {
        for (int m = mask; m != 0; m &= m - 1) {
          int lane = Integer.numberOfTrailingZeros(m);
          w.addresses[lane] = address.of(w, lane);
        }
        w.hasAddresses = true;
      }
    }
  }

  // ---- operand helpers shared by the families ----

  Pred guard(Instruction in) {
    Guard g = in.guard();
    if (g.isNone()) {
      return null;
    }
    return new Pred(g.file() == RegisterFile.UP, g.index(), g.negated());
  }

  static boolean isPredicate(Operand op) {
    return op instanceof RegisterOperand r && r.file().isPredicate();
  }

  static boolean isUniform(Instruction in) {
    return in.opcode().startsWith("U");
  }

  Pred pred(Operand op) throws NotSupported {
    if (!(op instanceof RegisterOperand r) || !r.file().isPredicate()) {
      throw new NotSupported("expected a predicate, got " + op.format());
    }
    return new Pred(r.file() == RegisterFile.UP, r.index(), r.inverted());
  }

  Dst dst(Operand op) throws NotSupported {
    if (!(op instanceof RegisterOperand r) || r.file().isPredicate()) {
      throw new NotSupported("expected a destination register, got " + op.format());
    }
    if (r.isZero()) {
      return Dst.DISCARD;
    }
    return r.file() == RegisterFile.R ? new Dst(Dst.REG, r.index() * 32) : new Dst(Dst.UREG, r.index());
  }

  Src src(Operand op) throws NotSupported {
    return src(op, Kind.INT);
  }

  Src src(Operand op, Kind kind) throws NotSupported {
    if (op instanceof RegisterOperand r) {
      if (r.file().isPredicate()) {
        throw new NotSupported("expected a value, got predicate " + r.format());
      }
      int swz = swizzle(r.swizzle());
      if (r.isZero()) {
        return new Src(Src.IMM, 0, 0, 0, r.negated(), r.absolute(), r.inverted(), swz, null, null);
      }
      boolean reg = r.file() == RegisterFile.R;
      return new Src(reg ? Src.REG : Src.UREG, reg ? r.index() * 32 : r.index(), 0, 0,
          r.negated(), r.absolute(), r.inverted(), swz, null, null);
    }
    if (op instanceof IntImmediate i) {
      long v = i.value();
      return new Src(Src.IMM, 0, (int) v, (int) (v >> 32), false, false, false, 0, null, null);
    }
    if (op instanceof FloatImmediate f) {
      if (kind == Kind.F64) {
        long bits = Double.isNaN(f.value())
            ? (f.text().startsWith("-") ? 0xFFFFFFFF00000000L : 0x7FFFFFFF00000000L)
            : Double.doubleToRawLongBits(f.value());
        return Src.immediate64(bits);
      }
      return Src.immediate(floatBits(f));
    }
    if (op instanceof ConstantOperand c) {
      byte[] bank = c.bank() == 0 ? bank0 : banks.get(c.bank());
      if (bank == null) {
        bank = new byte[0];
      }
      if (c.index() != null) {
        return new Src(Src.CONST_INDEXED, 0, (int) c.offset(), 0, c.negated(), c.absolute(),
            c.inverted(), 0, bank, src(c.index()));
      }
      int off = (int) c.offset();
      int lo = word(bank, off);
      int hi = word(bank, off + 4);
      return new Src(Src.IMM, 0, lo, hi, c.negated(), c.absolute(), c.inverted(), 0, null, null);
    }
    throw new NotSupported("operand " + op.format() + " cannot be a source here");
  }

  /** An FP32 immediate's bits; NaN is the canonical 0x7fffffff (sign kept). */
  static int floatBits(FloatImmediate f) {
    if (Double.isNaN(f.value())) {
      return f.text().startsWith("-") ? 0xFFFFFFFF : 0x7FFFFFFF;
    }
    return Float.floatToRawIntBits((float) f.value());
  }

  private static int word(byte[] bank, int off) {
    if (off < 0 || off + 4 > bank.length) {
      return 0;
    }
    return LittleEndian.getInt(bank, off);
  }

  static int swizzle(String s) {
    if (s == null) {
      return 0;
    }
    return switch (s) {
      case "H0_H0" -> 1;
      case "H1_H1" -> 2;
      case "H1_H0" -> 3;
      case "H0" -> 4;
      case "H1" -> 5;
      default -> 0;
    };
  }

  static int intImmediate(Operand op) throws NotSupported {
    if (op instanceof IntImmediate i) {
      return (int) i.value();
    }
    throw new NotSupported("expected an integer immediate, got " + op.format());
  }

  static boolean has(Instruction in, String modifier) {
    return in.hasModifier(modifier);
  }
}
