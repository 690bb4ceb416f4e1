package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.MemoryOperand;
import io.sassim.isa.sass.RegisterFile;
import io.sassim.isa.sass.RegisterOperand;

/**
 * A decoded address operand: {@code [Ra.64+imm]}, {@code [Ra.X4+URb+imm]}, {@code [URa]}... The
 * sum is 64-bit for {@code .64} bases and 32-bit otherwise (sass-semantics.md §6.2).
 */
final class Address {
  private final int base; // register × 32, or -1
  private final boolean uniformBase;
  private final boolean wide;
  private final int scale;
  private final int uniform; // UR index, or -1
  private final long offset;
  final int bytes;

  Address(MemoryOperand m) throws NotSupported {
    RegisterOperand b = m.base();
    if (b == null || b.isZero()) {
      base = -1;
      uniformBase = false;
    } else if (b.file() == RegisterFile.R) {
      base = b.index() * 32;
      uniformBase = false;
    } else if (b.file() == RegisterFile.UR) {
      base = b.index();
      uniformBase = true;
    } else {
      throw new NotSupported("address base " + b.format());
    }
    RegisterOperand u = m.uniformOffset();
    uniform = u == null || u.isZero() ? -1 : u.index();
    wide = m.wide();
    scale = m.scale();
    offset = m.offset();
    bytes = Math.max(1, m.widthBits() / 8);
  }

  long of(Warp w, int lane) {
    long a = 0;
    if (base >= 0) {
      if (uniformBase) {
        a = wide ? ((long) w.ur[base + 1] << 32) | (w.ur[base] & 0xFFFFFFFFL) : w.ur[base] & 0xFFFFFFFFL;
      } else {
        a = wide ? ((long) w.r[base + 32 + lane] << 32) | (w.r[base + lane] & 0xFFFFFFFFL)
            : w.r[base + lane] & 0xFFFFFFFFL;
      }
      a *= scale;
    }
    if (uniform >= 0) {
      a += wide ? ((long) w.ur[uniform + 1] << 32) | (w.ur[uniform] & 0xFFFFFFFFL) : w.ur[uniform] & 0xFFFFFFFFL;
    }
    a += offset;
    return wide ? a : a & 0xFFFFFFFFL;
  }
}
