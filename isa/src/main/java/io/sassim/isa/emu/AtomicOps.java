package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.MemoryOperand;
import io.sassim.isa.sass.Operand;
import java.util.List;

/**
 * Atomics and reductions on global, generic and shared memory (sass-semantics.md §6.7). Lanes
 * of one instruction apply their read-modify-write one after another in lane order; CTAs run one
 * at a time, so every atomic is atomic with respect to the whole grid.
 */
final class AtomicOps {
  private AtomicOps() {}

  static final int ADD = 0;
  static final int MIN = 1;
  static final int MAX = 2;
  static final int INC = 3;
  static final int DEC = 4;
  static final int AND = 5;
  static final int OR = 6;
  static final int XOR = 7;
  static final int EXCH = 8;
  static final int CAS = 9;
  static final int CAST = 10;
  static final int POPC_INC = 11;

  static final int T_U32 = 0;
  static final int T_S32 = 1;
  static final int T_U64 = 2;
  static final int T_S64 = 3;
  static final int T_F32 = 4;
  static final int T_F64 = 5;
  static final int T_F16X2 = 6;
  static final int T_BF16X2 = 7;

  static Op decode(Decoder d, Instruction in, Pred g) throws NotSupported {
    String name = in.opcode();
    int op = -1;
    if (in.hasModifier("POPC") && in.hasModifier("INC")) {
      op = POPC_INC;
    } else {
      String[] names = {"ADD", "MIN", "MAX", "INC", "DEC", "AND", "OR", "XOR", "EXCH", "CAS", "CAST"};
      for (int i = 0; i < names.length; i++) {
        if (in.hasModifier(names[i])) {
          op = i;
        }
      }
    }
    if (op < 0) {
      throw new NotSupported("atomic operation not recognised");
    }
    int type = T_U32;
    if (in.hasModifier("S32")) {
      type = T_S32;
    } else if (in.hasModifier("S64")) {
      type = T_S64;
    } else if (in.hasModifier("64")) {
      type = T_U64;
    } else if (in.hasModifier("F32")) {
      type = T_F32;
    } else if (in.hasModifier("F64")) {
      type = T_F64;
    } else if (in.hasModifier("F16x2")) {
      type = T_F16X2;
    } else if (in.hasModifier("BF16x2")) {
      type = T_BF16X2;
    }
    List<Operand> o = in.operands();
    int i = 0;
    Pred done = null;
    if (Decoder.isPredicate(o.get(0))) {
      done = d.pred(o.get(i++));
    }
    Dst dst = Dst.DISCARD;
    if (!(o.get(i) instanceof MemoryOperand)) {
      dst = d.dst(o.get(i++));
    }
    MemoryOperand m = MemoryOps.memory(o, i++);
    Src b = i < o.size() ? d.src(o.get(i++)) : Src.immediate(1);
    Src c = i < o.size() ? d.src(o.get(i)) : null;
    int bytes = type == T_U64 || type == T_S64 || type == T_F64 ? 8 : 4;
    int space = MemoryOps.space(name);
    if (space != Grid.SHARED && !m.wide() && m.base() != null) {
      // ATOMG.E.CAS prints its 64-bit address pair without ".64" (§0.3).
      m = new MemoryOperand(m.descriptor(), m.base(), true, m.scale(), m.uniformOffset(), m.offset(),
          m.hasOffset(), m.widthBits());
    }
    return new Atomic(in, g, space, op, type, bytes, done, dst, new Address(m), b, c);
  }

  static final class Atomic extends Op {
    private final int space;
    private final int op;
    private final int type;
    private final int bytes;
    private final Pred done;
    private final Dst d;
    private final Address addr;
    private final Src b;
    private final Src c;

    Atomic(Instruction in, Pred g, int space, int op, int type, int bytes, Pred done, Dst d, Address addr, Src b,
        Src c) {
      super(in, g);
      this.space = space;
      this.op = op;
      this.type = type;
      this.bytes = bytes;
      this.done = done;
      this.d = d;
      this.addr = addr;
      this.b = b;
      this.c = c;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      Grid grid = w.grid;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        long a = addr.of(w, lane);
        w.addresses[lane] = a;
        if (space == Grid.GENERIC && Grid.genericSpace(a) != Grid.GLOBAL) {
          // The hardware performs generic atomics on global memory only; the compiled fallback
          // handles shared and local addresses when the predicate comes back false (§6.7).
          if (done != null) {
            done.set(w, lane, false);
          }
          continue;
        }
        byte[] mem = grid.resolve(space, w, lane, a, bytes, this);
        int off = grid.resolvedOffset;
        long old = bytes == 8 ? LittleEndian.getLong(mem, off) : LittleEndian.getInt(mem, off) & 0xFFFFFFFFL;
        long v = bytes == 8 ? b.get64(w, lane) : b.get(w, lane) & 0xFFFFFFFFL;
        long result;
        long returned = old;
        if (op == CAS || op == CAST) {
          long next = bytes == 8 ? c.get64(w, lane) : c.get(w, lane) & 0xFFFFFFFFL;
          boolean hit = old == v;
          result = hit ? next : old;
          if (op == CAST) {
            returned = hit ? 1 : 0;
          }
        } else {
          result = apply(old, v);
        }
        if (bytes == 8) {
          LittleEndian.putLong(mem, off, result);
        } else {
          LittleEndian.putInt(mem, off, (int) result);
        }
        if (bytes == 8 && op != CAST) {
          d.set64(w, lane, returned);
        } else {
          d.set(w, lane, (int) returned);
        }
        if (done != null) {
          done.set(w, lane, true);
        }
      }
      w.hasAddresses = true;
    }

    private long apply(long old, long v) {
      switch (op) {
        case ADD:
          return switch (type) {
            case T_F32 -> Float.floatToRawIntBits(Rounding.flush(
                Rounding.flush(Float.intBitsToFloat((int) old)) + Rounding.flush(Float.intBitsToFloat((int) v))))
                & 0xFFFFFFFFL;
            case T_F64 -> Double.doubleToRawLongBits(Double.longBitsToDouble(old) + Double.longBitsToDouble(v));
            case T_F16X2, T_BF16X2 -> addHalves((int) old, (int) v, type == T_BF16X2) & 0xFFFFFFFFL;
            default -> old + v;
          };
        case MIN:
          return signed() ? (bytes == 8 ? Math.min(old, v) : Math.min((int) old, (int) v))
              : (Long.compareUnsigned(old, v) <= 0 ? old : v);
        case MAX:
          return signed() ? (bytes == 8 ? Math.max(old, v) : Math.max((int) old, (int) v))
              : (Long.compareUnsigned(old, v) >= 0 ? old : v);
        case INC:
          return Long.compareUnsigned(old, v) >= 0 ? 0 : old + 1;
        case DEC:
          return old == 0 || Long.compareUnsigned(old, v) > 0 ? v : old - 1;
        case AND:
          return old & v;
        case OR:
          return old | v;
        case XOR:
          return old ^ v;
        case EXCH:
          return v;
        case POPC_INC:
          return old + 1;
        default:
          throw new AssertionError(op);
      }
    }

    private boolean signed() {
      return type == T_S32 || type == T_S64;
    }

    private static int addHalves(int x, int y, boolean bf) {
      int lo = HalfOps.round(HalfOps.value(x & 0xFFFF, bf) + HalfOps.value(y & 0xFFFF, bf), bf);
      int hi = HalfOps.round(HalfOps.value(x >>> 16, bf) + HalfOps.value(y >>> 16, bf), bf);
      return hi << 16 | lo;
    }
  }
}
