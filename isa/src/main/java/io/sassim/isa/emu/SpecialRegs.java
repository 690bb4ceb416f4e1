package io.sassim.isa.emu;

import io.sassim.isa.sass.Instruction;

/**
 * S2R, CS2R and S2UR: thread and block indices, lane masks, and the clock and timer registers
 * (sass-semantics.md §4). Clocks read the grid's {@link ClockSource}: by default the dynamic
 * warp-instruction count, so repeated runs agree; a timing model installs its cycle count.
 */
final class SpecialRegs extends Op {
  static final int TID_X = 0;
  static final int TID_Y = 1;
  static final int TID_Z = 2;
  static final int CTAID_X = 3;
  static final int CTAID_Y = 4;
  static final int CTAID_Z = 5;
  static final int LANEID = 6;
  static final int VIRTID = 7;
  static final int SMID = 8;
  static final int EQMASK = 9;
  static final int LTMASK = 10;
  static final int LEMASK = 11;
  static final int GTMASK = 12;
  static final int GEMASK = 13;
  static final int CLOCKLO = 14;
  static final int CLOCKHI = 15;
  static final int GLOBALTIMERLO = 16;
  static final int GLOBALTIMERHI = 17;
  static final int ZERO = 18;
  static final int SWINLO = 19;
  static final int SWINHI = 20;
  static final int CGACTAID = 21;
  static final int SMEMSZ = 22;
  static final int VIRTCFG = 23;

  static int code(String name) {
    return switch (name) {
      case "SR_TID.X" -> TID_X;
      case "SR_TID.Y" -> TID_Y;
      case "SR_TID.Z" -> TID_Z;
      case "SR_CTAID.X" -> CTAID_X;
      case "SR_CTAID.Y" -> CTAID_Y;
      case "SR_CTAID.Z" -> CTAID_Z;
      case "SR_LANEID" -> LANEID;
      case "SR_VIRTID" -> VIRTID;
      case "SR_VIRTUALSMID", "SR_SMID" -> SMID;
      case "SR_EQMASK" -> EQMASK;
      case "SR_LTMASK" -> LTMASK;
      case "SR_LEMASK" -> LEMASK;
      case "SR_GTMASK" -> GTMASK;
      case "SR_GEMASK" -> GEMASK;
      case "SR_CLOCKLO" -> CLOCKLO;
      case "SR_CLOCKHI" -> CLOCKHI;
      case "SR_GLOBALTIMERLO" -> GLOBALTIMERLO;
      case "SR_GLOBALTIMERHI" -> GLOBALTIMERHI;
      case "SRZ" -> ZERO;
      case "SR_SWINLO" -> SWINLO;
      case "SR_SWINHI" -> SWINHI;
      case "SR_CgaCtaId" -> CGACTAID;
      case "SR_SMEMSZ" -> SMEMSZ;
      case "SR_VIRTCFG" -> VIRTCFG;
      default -> -1;
    };
  }

  private final boolean uniform;
  private final Dst d;
  private final int which;
  private final boolean pair;

  SpecialRegs(Instruction in, Pred g, boolean uniform, Dst d, int which, boolean pair) {
    super(in, g);
    this.uniform = uniform;
    this.d = d;
    this.which = which;
    this.pair = pair;
  }

  /** Reads SR_CLOCKLO/HI or SR_GLOBALTIMERLO/HI. */
  boolean readsClock() {
    return which == CLOCKLO || which == CLOCKHI || which == GLOBALTIMERLO || which == GLOBALTIMERHI;
  }

  @Override
  void execute(Warp w, int group, int mask) {
    if (uniform) {
      write(w, Integer.numberOfTrailingZeros(mask));
      return;
    }
    for (int m = mask; m != 0; m &= m - 1) {
      write(w, Integer.numberOfTrailingZeros(m));
    }
  }

  private void write(Warp w, int lane) {
    long v = value(w, lane);
    if (pair) {
      d.set64(w, uniform ? 0 : lane, v);
    } else {
      d.set(w, uniform ? 0 : lane, (int) v);
    }
  }

  private long value(Warp w, int lane) {
    ThreadBlock b = w.block;
    int t = w.threadIndex(lane);
    int bx = w.grid.blockDim.x();
    int by = w.grid.blockDim.y();
    return switch (which) {
      case TID_X -> t % bx;
      case TID_Y -> (t / bx) % by;
      case TID_Z -> t / (bx * by);
      case CTAID_X -> b.ctaX;
      case CTAID_Y -> b.ctaY;
      case CTAID_Z -> b.ctaZ;
      case LANEID -> lane;
      case VIRTID -> (long) w.warpInCta << 8;
      case EQMASK -> 1 << lane;
      case LTMASK -> (1 << lane) - 1;
      case LEMASK -> (int) ((2L << lane) - 1);
      case GTMASK -> (int) ~((2L << lane) - 1);
      case GEMASK -> ~((1 << lane) - 1);
      case CLOCKLO, GLOBALTIMERLO -> pair ? w.grid.clock(b) : (int) w.grid.clock(b);
      case CLOCKHI, GLOBALTIMERHI -> w.grid.clock(b) >>> 32;
      case SWINLO -> (int) Grid.SHARED_WINDOW;
      case SWINHI -> Grid.SHARED_WINDOW >>> 32;
      case SMEMSZ -> w.block.shared.length;
      default -> 0; // SRZ, SM id, cluster rank, VIRTCFG
    };
  }
}
