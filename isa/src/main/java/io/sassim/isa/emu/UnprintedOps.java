package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;

/**
 * Instructions the 11.8 disassembler printed without a mnemonic, decoded from their encoding
 * (sass-semantics.md §1.6). Only the sm_90 integer min/max is known.
 */
final class UnprintedOps {
  private UnprintedOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    long lo = in.encodingLow();
    long hi = in.encodingHigh();
    int opcode = (int) (lo & 0xFFF);
    if (opcode != 0x248 && opcode != 0x848) {
      throw new NotSupported(String.format("unprinted encoding 0x%016x 0x%016x is not a known opcode", lo, hi));
    }
    int guardIndex = (int) (lo >>> 12) & 7;
    boolean guardNeg = ((lo >>> 15) & 1) != 0;
    Pred guard = guardIndex == 7 && !guardNeg ? null : new Pred(false, guardIndex, guardNeg);
    int rd = (int) (lo >>> 16) & 0xFF;
    int ra = (int) (lo >>> 24) & 0xFF;
    Src a = register(ra);
    Src b = opcode == 0x248 ? register((int) (lo >>> 32) & 0xFF) : Src.immediate((int) (lo >>> 32));
    boolean signed = ((hi >>> 8) & 1) != 0;
    int p = (int) (hi >>> 23) & 7;
    boolean pNeg = ((hi >>> 26) & 1) != 0;
    Dst dst = rd == 255 ? Dst.DISCARD : new Dst(Dst.REG, rd * 32);
    return new IntegerOps.MinMax(in, guard, false, dst, a, b, new Pred(false, p, pNeg), signed);
  }

  private static Src register(int r) {
    if (r == 255) {
      return Src.immediate(0);
    }
    return new Src(Src.REG, r * 32, 0, 0, false, false, false, 0, null, null);
  }
}
