package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.ConstantOperand;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.MemoryOperand;
import io.sassim.isa.sass.Operand;
import java.util.List;

/**
 * Loads, stores and constant loads of every space at their widths (sass-semantics.md §6.3-6.6),
 * the address-space query QSPC, asynchronous copies (performed at issue, which every program
 * that waits before reading cannot tell apart), LDSM and MOVM. Atomics are in {@link AtomicOps}.
 */
final class MemoryOps {
  private MemoryOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    String op = in.opcode();
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (op) {
      case "LDG": case "LD": case "LDS": case "LDL": {
        MemoryOperand m = memory(o, 1);
        return new Load(in, g, space(op), d.dst(o.get(0)), new Address(m), signed(in));
      }
      case "STG": case "ST": case "STS": case "STL": {
        MemoryOperand m = memory(o, 0);
        return new Store(in, g, space(op), new Address(m), d.src(o.get(1)));
      }
      case "LDC": case "ULDC": {
        if (!(o.get(1) instanceof ConstantOperand)) {
          throw new NotSupported("expected a constant operand");
        }
        int width = in.hasModifier("64") ? 64 : in.hasModifier("U8") || in.hasModifier("S8") ? 8
            : in.hasModifier("U16") || in.hasModifier("S16") ? 16 : 32;
        return new ConstLoad(in, g, op.startsWith("U"), d.dst(o.get(0)), d.src(o.get(1)), width, signed(in));
      }
      case "LDGSTS": {
        MemoryOperand dst = memory(o, 0);
        MemoryOperand src = memory(o, 1);
        return new AsyncCopy(in, g, new Address(dst), new Address(src));
      }
      case "QSPC": {
        int space = in.hasModifier("S") ? Grid.SHARED : in.hasModifier("L") ? Grid.LOCAL : Grid.GLOBAL;
        return new SpaceQuery(in, g, d.pred(o.get(0)), new Address(memory(o, 2)), space);
      }
      case "LDSM": {
        int count = in.hasModifier("4") ? 4 : in.hasModifier("2") ? 2 : 1;
        return new MatrixLoad(in, g, d.dst(o.get(0)), new Address(memory(o, 1)), count, in.hasModifier("MT88"));
      }
      case "MOVM":
        return new MatrixMove(in, g, d.dst(o.get(0)), d.src(o.get(1)));
      case "ATOMG": case "ATOM": case "ATOMS": case "RED": case "REDG":
        return AtomicOps.decode(d, in, g);
      default:
        return null;
    }
  }

  static MemoryOperand memory(List<Operand> o, int i) throws NotSupported {
    if (i >= o.size() || !(o.get(i) instanceof MemoryOperand m)) {
      throw new NotSupported("expected an address operand at position " + i);
    }
    return m;
  }

  static int space(String op) {
    return switch (op) {
      case "LDG", "STG", "ATOMG", "RED", "REDG" -> Grid.GLOBAL;
      case "LDS", "STS", "ATOMS" -> Grid.SHARED;
      case "LDL", "STL" -> Grid.LOCAL;
      default -> Grid.GENERIC;
    };
  }

  private static boolean signed(Instruction in) {
    return in.hasModifier("S8") || in.hasModifier("S16");
  }

  static final class Load extends Op {
    private final int space;
    private final Dst d;
    private final Address addr;
    private final boolean signed;

    Load(Instruction in, Pred g, int space, Dst d, Address addr, boolean signed) {
      super(in, g);
      this.space = space;
      this.d = d;
      this.addr = addr;
      this.signed = signed;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      Grid grid = w.grid;
      int bytes = addr.bytes;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        long a = addr.of(w, lane);
        w.addresses[lane] = a;
        byte[] mem = grid.resolve(space, w, lane, a, bytes, this);
        int off = grid.resolvedOffset;
        switch (bytes) {
          case 1 -> d.set(w, lane, signed ? mem[off] : mem[off] & 0xFF);
          case 2 -> {
            short s = LittleEndian.getShort(mem, off);
            d.set(w, lane, signed ? s : s & 0xFFFF);
          }
          case 4 -> d.set(w, lane, LittleEndian.getInt(mem, off));
          default -> {
            for (int k = 0; k < bytes / 4; k++) {
              d.setWord(w, lane, k, LittleEndian.getInt(mem, off + 4 * k));
            }
          }
        }
      }
      w.hasAddresses = true;
    }
  }

  static final class Store extends Op {
    private final int space;
    private final Address addr;
    private final Src v;

    Store(Instruction in, Pred g, int space, Address addr, Src v) {
      super(in, g);
      this.space = space;
      this.addr = addr;
      this.v = v;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      Grid grid = w.grid;
      int bytes = addr.bytes;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        long a = addr.of(w, lane);
        w.addresses[lane] = a;
        byte[] mem = grid.resolve(space, w, lane, a, bytes, this);
        int off = grid.resolvedOffset;
        switch (bytes) {
          case 1 -> mem[off] = (byte) v.get(w, lane);
          case 2 -> LittleEndian.putShort(mem, off, (short) v.get(w, lane));
          case 4 -> LittleEndian.putInt(mem, off, v.get(w, lane));
          default -> {
            for (int k = 0; k < bytes / 4; k++) {
              LittleEndian.putInt(mem, off + 4 * k, v.word(w, lane, k));
            }
          }
        }
      }
      w.hasAddresses = true;
    }
  }

  static final class ConstLoad extends LaneOp {
    private final Dst d;
    private final Src c;
    private final int width;
    private final boolean signed;

    ConstLoad(Instruction in, Pred g, boolean u, Dst d, Src c, int width, boolean signed) {
      super(in, g, u);
      this.d = d;
      this.c = c;
      this.width = width;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      int v = c.get(w, lane);
      switch (width) {
        case 8 -> d.set(w, lane, signed ? (byte) v : v & 0xFF);
        case 16 -> d.set(w, lane, signed ? (short) v : v & 0xFFFF);
        case 64 -> {
          d.setWord(w, lane, 0, v);
          d.setWord(w, lane, 1, c.hi(w, lane));
        }
        default -> d.set(w, lane, v);
      }
    }
  }

  static final class AsyncCopy extends Op {
    private final Address dst;
    private final Address src;

    AsyncCopy(Instruction in, Pred g, Address dst, Address src) {
      super(in, g);
      this.dst = dst;
      this.src = src;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      Grid grid = w.grid;
      int bytes = src.bytes;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        long from = src.of(w, lane);
        w.addresses[lane] = from;
        byte[] in = grid.resolve(Grid.GLOBAL, w, lane, from, bytes, this);
        int inOff = grid.resolvedOffset;
        byte[] out = grid.resolve(Grid.SHARED, w, lane, dst.of(w, lane), bytes, this);
        System.arraycopy(in, inOff, out, grid.resolvedOffset, bytes);
      }
      w.hasAddresses = true;
    }
  }

  static final class SpaceQuery extends LaneOp {
    private final Pred p;
    private final Address addr;
    private final int space;

    SpaceQuery(Instruction in, Pred g, Pred p, Address addr, int space) {
      super(in, g, false);
      this.p = p;
      this.addr = addr;
      this.space = space;
    }

    @Override
    void lane(Warp w, int lane) {
      long a = addr.of(w, lane);
      w.addresses[lane] = a;
      w.hasAddresses = true;
      p.set(w, lane, Grid.genericSpace(a) == space);
    }
  }

  /** LDSM.16.M88.n / MT88.n: each of n 8x8 matrices of 16-bit elements, rows given by 8 lanes. */
  static final class MatrixLoad extends Op {
    private final Dst d;
    private final Address addr;
    private final int count;
    private final boolean transpose;
    private final long[] rows = new long[32];

    MatrixLoad(Instruction in, Pred g, Dst d, Address addr, int count, boolean transpose) {
      super(in, g);
      this.d = d;
      this.addr = addr;
      this.count = count;
      this.transpose = transpose;
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      for (int lane = 0; lane < 32; lane++) {
        rows[lane] = addr.of(w, lane);
        w.addresses[lane] = rows[lane];
      }
      Grid grid = w.grid;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        for (int i = 0; i < count; i++) {
          int value;
          if (!transpose) {
            byte[] mem = grid.resolve(Grid.SHARED, w, lane, rows[8 * i + lane / 4] + 4 * (lane % 4), 4, this);
            value = LittleEndian.getInt(mem, grid.resolvedOffset);
          } else {
            int col = lane / 4;
            byte[] mem = grid.resolve(Grid.SHARED, w, lane, rows[8 * i + 2 * (lane % 4)] + 2 * col, 2, this);
            int lo = LittleEndian.getShort(mem, grid.resolvedOffset) & 0xFFFF;
            mem = grid.resolve(Grid.SHARED, w, lane, rows[8 * i + 2 * (lane % 4) + 1] + 2 * col, 2, this);
            int hi = LittleEndian.getShort(mem, grid.resolvedOffset) & 0xFFFF;
            value = hi << 16 | lo;
          }
          d.setWord(w, lane, i, value);
        }
      }
      w.hasAddresses = true;
    }
  }

  /** MOVM.16.MT88: transposes an 8x8 matrix of 16-bit elements held one row per 4 lanes. */
  static final class MatrixMove extends Op {
    private final Dst d;
    private final Src a;
    private final int[] in = new int[32];

    MatrixMove(Instruction instruction, Pred g, Dst d, Src a) {
      super(instruction, g);
      this.d = d;
      this.a = a;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      for (int lane = 0; lane < 32; lane++) {
        in[lane] = a.get(w, lane);
      }
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        int col = lane / 4;
        int r0 = 2 * (lane % 4);
        d.set(w, lane, element(r0 + 1, col) << 16 | element(r0, col));
      }
    }

    private int element(int row, int col) {
      int v = in[row * 4 + col / 2];
      return (col % 2 == 0 ? v : v >>> 16) & 0xFFFF;
    }
  }
}
