package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import java.util.List;

/**
 * Warp-wide matrix multiply-accumulate (sass-semantics.md §9): HMMA (f16, bf16, tf32 inputs; f32
 * or f16 accumulators), IMMA (s8/u8, s4/u4) and DMMA. The fragments of all 32 lanes are gathered,
 * D = A·B + C is formed, and D is scattered back, so D may overlap its sources.
 *
 * <p>Floating-point dot products are summed in double (products of f16, bf16 and tf32 values are
 * exact there) and rounded once; hardware accumulates with truncation in an unspecified order,
 * so results may differ in the last bits of FP32 (docs/emulator.md). IMMA is exact; DMMA is an
 * FMA chain over k.
 */
final class TensorOps {
  private TensorOps() {}

  static final int F16 = 0;
  static final int BF16 = 1;
  static final int TF32 = 2;
  static final int S8 = 3;
  static final int U8 = 4;
  static final int S4 = 5;
  static final int U4 = 6;
  static final int F64 = 7;
  static final int B1 = 8;

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    String op = in.opcode();
    if (!op.equals("HMMA") && !op.equals("IMMA") && !op.equals("DMMA") && !op.equals("BMMA")) {
      return null;
    }
    List<Operand> o = in.operands();
    List<String> m = in.modifiers();
    String shape = m.isEmpty() ? "" : m.get(0);
    int mDim;
    int k;
    int aType;
    int bType;
    boolean f16Acc = false;
    switch (op) {
      case "HMMA" -> {
        mDim = 16;
        aType = in.hasModifier("BF16") ? BF16 : in.hasModifier("TF32") ? TF32 : F16;
        bType = aType;
        f16Acc = in.hasModifier("F16");
        k = switch (shape) {
          case "16816" -> 16;
          case "1688" -> 8;
          case "1684" -> 4;
          default -> throw new NotSupported("HMMA shape " + shape + " not modelled");
        };
      }
      case "IMMA" -> {
        int[] types = new int[2];
        int n = 0;
        for (String s : m) {
          int t = switch (s) {
            case "S8" -> S8;
            case "U8" -> U8;
            case "S4" -> S4;
            case "U4" -> U4;
            default -> -1;
          };
          if (t >= 0 && n < 2) {
            types[n++] = t;
          }
        }
        if (n != 2) {
          throw new NotSupported("IMMA operand types missing");
        }
        aType = types[0];
        bType = types[1];
        switch (shape) {
          case "16832" -> { mDim = 16; k = 32; }
          case "16816" -> { mDim = 16; k = 16; }
          case "16864" -> { mDim = 16; k = 64; }
          case "8816" -> { mDim = 8; k = 16; }
          case "8832" -> { mDim = 8; k = 32; }
          default -> throw new NotSupported("IMMA shape " + shape + " not modelled");
        }
      }
      case "BMMA" -> {
        if (!in.hasModifier("POPC") || !(in.hasModifier("AND") || in.hasModifier("XOR"))) {
          throw new NotSupported("BMMA without AND.POPC or XOR.POPC");
        }
        aType = B1;
        bType = B1;
        switch (shape) {
          case "168256" -> { mDim = 16; k = 256; }
          case "168128" -> { mDim = 16; k = 128; }
          case "88128" -> { mDim = 8; k = 128; }
          default -> throw new NotSupported("BMMA shape " + shape + " not modelled");
        }
      }
      default -> {
        if (!shape.equals("884") && !shape.equals("8x8x4")) {
          throw new NotSupported("DMMA shape " + shape + " not modelled");
        }
        mDim = 8;
        k = 4;
        aType = F64;
        bType = F64;
      }
    }
    return new Mma(in, d.guard(in), d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)),
        mDim, k, aType, bType, f16Acc, in.hasModifier("SAT"), in.hasModifier("XOR"));
  }

  /** Elements per 32-bit register of a type. */
  static int perRegister(int type) {
    return switch (type) {
      case F16, BF16 -> 2;
      case S8, U8 -> 4;
      case S4, U4 -> 8;
      case B1 -> 32;
      default -> 1;
    };
  }

  static final class Mma extends Op {
    private static final int N = 8;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final int rows;
    private final int k;
    private final int aType;
    private final int bType;
    private final boolean f16Acc;
    private final boolean sat;
    /** BMMA.XOR.POPC: bit products are XOR instead of AND. */
    private final boolean xor;
    private final double[] am;
    private final double[] bm;
    private final double[] cm;

    Mma(Instruction in, Pred g, Dst d, Src a, Src b, Src c, int rows, int k, int aType, int bType,
        boolean f16Acc, boolean sat, boolean xor) {
      super(in, g);
      this.xor = xor;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.rows = rows;
      this.k = k;
      this.aType = aType;
      this.bType = bType;
      this.f16Acc = f16Acc;
      this.sat = sat;
      this.am = new double[rows * k];
      this.bm = new double[k * N];
      this.cm = new double[rows * N];
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      if (group != ~w.exited) {
        throw fault(w, String.format("matrix instruction issued by lanes %08x, not the whole warp", group));
      }
      boolean dbl = aType == F64;
      boolean integer = aType >= S8 && aType <= U4 || aType == B1;
      for (int lane = 0; lane < 32; lane++) {
        int gq = lane >> 2;
        int t = lane & 3;
        if (dbl) {
          am[gq * k + t] = Double.longBitsToDouble(word64(a, w, lane, 0));
          bm[t * N + gq] = Double.longBitsToDouble(word64(b, w, lane, 0));
          for (int q = 0; q < 2; q++) {
            cm[gq * N + 2 * t + q] = Double.longBitsToDouble(word64(c, w, lane, 2 * q));
          }
          continue;
        }
        int ea = perRegister(aType);
        int regsA = rows * k / (32 * ea);
        for (int r = 0; r < regsA; r++) {
          int v = a.word(w, lane, r);
          for (int j = 0; j < ea; j++) {
            int row = gq + 8 * (r % 2);
            int col = (r / 2) * (4 * ea) + t * ea + j;
            am[row * k + col] = element(v, j, aType);
          }
        }
        int eb = perRegister(bType);
        int regsB = k * N / (32 * eb);
        for (int r = 0; r < regsB; r++) {
          int v = b.word(w, lane, r);
          for (int j = 0; j < eb; j++) {
            bm[(r * 4 * eb + t * eb + j) * N + gq] = element(v, j, bType);
          }
        }
        if (f16Acc) {
          for (int r = 0; r < rows / 8; r++) {
            int v = c.word(w, lane, r);
            cm[(gq + 8 * r) * N + 2 * t] = HalfOps.value(v & 0xFFFF, false);
            cm[(gq + 8 * r) * N + 2 * t + 1] = HalfOps.value(v >>> 16, false);
          }
        } else {
          for (int r = 0; r < rows / 4; r++) {
            int v = c.word(w, lane, r);
            cm[(gq + 8 * (r / 2)) * N + 2 * t + (r % 2)] = integer ? v : Float.intBitsToFloat(v);
          }
        }
      }
      // D = A·B + C, computed into cm.
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < N; j++) {
          double acc = cm[i * N + j];
          if (dbl) {
            for (int q = 0; q < k; q++) {
              acc = Math.fma(am[i * k + q], bm[q * N + j], acc);
            }
          } else if (integer) {
            long s = (long) acc;
            for (int q = 0; q < k; q++) {
              long x = (long) am[i * k + q];
              long y = (long) bm[q * N + j];
              s += xor ? x ^ y : x * y;
            }
            acc = sat ? Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s)) : (int) s;
          } else {
            for (int q = 0; q < k; q++) {
              acc += am[i * k + q] * bm[q * N + j];
            }
          }
          cm[i * N + j] = acc;
        }
      }
      for (int lane = 0; lane < 32; lane++) {
        int gq = lane >> 2;
        int t = lane & 3;
        if (dbl) {
          for (int q = 0; q < 2; q++) {
            long bits = Double.doubleToRawLongBits(cm[gq * N + 2 * t + q]);
            d.setWord(w, lane, 2 * q, (int) bits);
            d.setWord(w, lane, 2 * q + 1, (int) (bits >>> 32));
          }
        } else if (f16Acc) {
          for (int r = 0; r < rows / 8; r++) {
            int lo = HalfOps.round(cm[(gq + 8 * r) * N + 2 * t], false);
            int hi = HalfOps.round(cm[(gq + 8 * r) * N + 2 * t + 1], false);
            d.setWord(w, lane, r, hi << 16 | lo);
          }
        } else {
          for (int r = 0; r < rows / 4; r++) {
            double v = cm[(gq + 8 * (r / 2)) * N + 2 * t + (r % 2)];
            d.setWord(w, lane, r, integer ? (int) v : Rounding.bits((float) v));
          }
        }
      }
    }

    private static long word64(Src s, Warp w, int lane, int k) {
      return ((long) s.word(w, lane, k + 1) << 32) | (s.word(w, lane, k) & 0xFFFFFFFFL);
    }

    private static double element(int v, int j, int type) {
      return switch (type) {
        case F16 -> HalfOps.value((v >>> (16 * j)) & 0xFFFF, false);
        case BF16 -> HalfOps.value((v >>> (16 * j)) & 0xFFFF, true);
        case TF32 -> Float.intBitsToFloat(v & 0xFFFFE000); // only the top 19 bits take part
        case S8 -> (byte) (v >>> (8 * j));
        case U8 -> (v >>> (8 * j)) & 0xFF;
        case S4 -> (v << (28 - 4 * j)) >> 28;
        case B1 -> (v >>> j) & 1; // bit order is immaterial: A and B share it and POPC sums over k
        default -> (v >>> (4 * j)) & 0xF;
      };
    }
  }
}
