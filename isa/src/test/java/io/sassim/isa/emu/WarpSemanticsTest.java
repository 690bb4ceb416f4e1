package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIMT execution (sass-semantics.md §7, §8): divergence and reconvergence through BSSY/BSYNC,
 * exits of part of a warp, CTA barriers between warps, and the warp-wide exchanges, which must
 * see exactly the lanes that execute together.
 */
class WarpSemanticsTest {

  /** If/else with a loop in the taken side, bracketed like the compiler does (§8.4). */
  private static final String[] IF_ELSE_LOOP = {
    "BSSY B0, 0xc0",
    "LOP3.LUT R4, R0, 0x1, RZ, 0xc0, !PT",
    "ISETP.NE.U32.AND P0, PT, R4, 0x1, PT",
    "@P0 BRA 0xa0",
    "IMAD.MOV.U32 R5, RZ, RZ, RZ",
    "IADD3 R5, R5, 0x3, RZ",
    "IADD3 R0, R0, -0x1, RZ",
    "ISETP.NE.AND P1, PT, R0, RZ, PT",
    "@P1 BRA 0x50",
    "BRA 0xb0",
    "IMAD R5, R0, 0x7, RZ",
    "BSYNC B0",
    "IADD3 R6, R5, 0x1, RZ",
  };

  @Test
  void divergentPathsReconvergeAtBsync() throws Exception {
    WarpHarness h = new WarpHarness(IF_ELSE_LOOP);
    for (int lane = 0; lane < 32; lane++) {
      h.set(0, lane, lane + 1);
    }
    h.run();
    for (int lane = 0; lane < 32; lane++) {
      int x = lane + 1;
      assertEquals((x % 2 == 1 ? 3 * x : 7 * x) + 1, h.r(6, lane), "lane " + lane);
    }
    assertEquals(List.of(0xFFFFFFFFL), h.executions(0xc0), "after BSYNC the warp runs as one group");
    // The loop body ran once per iteration of the longest odd lane (x = 31), for the odd lanes
    // that were still looping.
    List<Long> loop = h.executions(0x50);
    assertEquals(31, loop.size());
    assertEquals(0x55555555L, loop.get(0));
    assertEquals(0x40000000L, loop.get(30));
    assertEquals(List.of(0xAAAAAAAAL), h.executions(0xa0), "the else side runs once, for the even lanes");
  }

  @Test
  void dynamicCountFollowsTheSchedule() throws Exception {
    WarpHarness h = new WarpHarness(IF_ELSE_LOOP);
    for (int lane = 0; lane < 32; lane++) {
      h.set(0, lane, 1); // every lane odd, one trip: no divergence at all
    }
    h.run();
    // BSSY, LOP3, ISETP, BRA, MOV, 1 trip of 4, BRA, BSYNC, IADD3, EXIT.
    assertEquals(13, h.events.size());
  }

  @Test
  void partOfAWarpExitsAndTheRestStillSynchronises() throws Exception {
    String[] lines = {
      "@P3 EXIT",
      "BSSY B0, 0xd0",
      "LOP3.LUT R4, R0, 0x1, RZ, 0xc0, !PT",
      "ISETP.NE.U32.AND P0, PT, R4, 0x1, PT",
      "@P0 BRA 0xb0",
      "IMAD.MOV.U32 R5, RZ, RZ, RZ",
      "IADD3 R5, R5, 0x3, RZ",
      "IADD3 R0, R0, -0x1, RZ",
      "ISETP.NE.AND P1, PT, R0, RZ, PT",
      "@P1 BRA 0x60",
      "BRA 0xc0",
      "IMAD R5, R0, 0x7, RZ",
      "BSYNC B0",
      "IADD3 R6, R5, 0x1, RZ",
    };
    WarpHarness h = new WarpHarness(lines).setPredicateMask(3, 0xFFFF0000);
    for (int lane = 0; lane < 32; lane++) {
      h.set(0, lane, lane + 1);
    }
    h.run();
    assertEquals(List.of(0x0000FFFFL), h.executions(0xd0));
    assertEquals(3 * 15 + 1, h.r(6, 14));
    assertEquals(7 * 16 + 1, h.r(6, 15));
  }

  @Test
  void ctaBarrierOrdersSharedMemoryBetweenWarps() throws Exception {
    String[] lines = {
      "S2R R0, SR_TID.X",
      "IMAD.SHL.U32 R1, R0, 0x4, RZ",
      "STS [R1], R0",
      "BAR.SYNC.DEFER_BLOCKING 0x0",
      "LOP3.LUT R2, R0, 0x20, RZ, 0x3c, !PT",
      "IMAD.SHL.U32 R2, R2, 0x4, RZ",
      "LDS R3, [R2]",
    };
    WarpHarness h = new WarpHarness(Architecture.SM_86, 64, lines).run();
    for (int lane = 0; lane < 32; lane++) {
      assertEquals(lane + 32, h.block.warp(0).r[3 * 32 + lane], "warp 0 reads what warp 1 stored");
      assertEquals(lane, h.block.warp(1).r[3 * 32 + lane]);
    }
  }

  @Test
  void barrierCountsOnlyThreadsThatExist() throws Exception {
    WarpHarness h = new WarpHarness(Architecture.SM_86, 40, "S2R R0, SR_TID.X", "BAR.SYNC.DEFER_BLOCKING 0x0",
        "IADD3 R1, R0, 0x1, RZ").run();
    assertEquals(List.of(0xFFFFFFFFL, 0xFFL), List.of(
        h.events.stream().filter(e -> e[1] == 0x20 && e[0] == 0).findFirst().get()[3],
        h.events.stream().filter(e -> e[1] == 0x20 && e[0] == 1).findFirst().get()[3]));
  }

  @Test
  void shufflesFollowThePtxLaneRules() throws Exception {
    WarpHarness h = new WarpHarness(
        "S2R R4, SR_LANEID",
        "IMAD R4, R4, 0x64, RZ",
        "SHFL.IDX PT, R8, R4, R5, 0x1f",
        "SHFL.UP P0, R9, R4, 0x1, RZ",
        "SHFL.DOWN P1, R10, R4, 0x3, 0x1f",
        "SHFL.BFLY PT, R11, R4, 0x10, 0x1f",
        "SHFL.IDX PT, R12, R4, RZ, 0x101f",
        "SHFL.UP PT, R13, R4, 0x3, 0x1800");
    for (int lane = 0; lane < 32; lane++) {
      h.set(5, lane, 31 - lane);
    }
    h.run();
    for (int lane = 0; lane < 32; lane++) {
      assertEquals(100 * (31 - lane), h.r(8, lane), "idx");
      assertEquals(100 * (lane == 0 ? 0 : lane - 1), h.r(9, lane), "up");
      assertEquals(lane > 0, h.p(0, lane), "up predicate");
      assertEquals(100 * (lane + 3 <= 31 ? lane + 3 : lane), h.r(10, lane), "down");
      assertEquals(lane + 3 <= 31, h.p(1, lane), "down predicate");
      assertEquals(100 * (lane ^ 16), h.r(11, lane), "bfly");
      assertEquals(100 * (lane & 16), h.r(12, lane), "width 16: lane 0 of each half");
      assertEquals(100 * (lane % 8 >= 3 ? lane - 3 : lane), h.r(13, lane), "up within 8-lane segments");
    }
  }

  @Test
  void votesMatchesAndReductionsSeeOnlyTheExecutingLanes() throws Exception {
    WarpHarness h = new WarpHarness(
        "@P2 EXIT",
        "S2R R4, SR_LANEID",
        "LOP3.LUT R5, R4, 0x3, RZ, 0xc0, !PT",
        "ISETP.GE.AND P0, PT, R4, 0x4, PT",
        "VOTE.ANY R8, PT, P0",
        "VOTE.ALL P1, P0",
        "VOTE.ANY R9, PT, PT",
        "MATCH.ANY R10, R5",
        "REDUX.SUM.S32 UR6, R4",
        "IMAD.U32 R11, RZ, RZ, UR6",
        "VOTEU.ANY UR7, UPT, PT",
        "FLO.U32 R12, UR7",
        "POPC R13, UR7")
        .setPredicateMask(2, 0xFFFF0F00).run();
    int live = 0x0000F0FF;
    assertEquals(live & ~0xF, h.r(8, 0), "ballot of lane >= 4");
    assertEquals(false, h.p(1, 0));
    assertEquals(live, h.r(9, 0), "__activemask()");
    assertEquals(0x00001111 & live, h.r(10, 0), "lanes holding lane%4 == 0");
    int sum = 0;
    for (int lane = 0; lane < 32; lane++) {
      sum += ((live >>> lane) & 1) * lane;
    }
    assertEquals(sum, h.r(11, 0));
    assertEquals(15, h.r(12, 0), "leader = highest active lane");
    assertEquals(Integer.bitCount(live), h.r(13, 0));
  }

  /** Values with no element above 100 in tiles 0, 3 and 6, so a warp-wide vote would differ. */
  private static int tileValue(int lane) {
    int tile = lane / 4;
    return tile % 3 == 0 ? lane - 50 : (lane % 4 == 1 ? 150 + lane : 7);
  }

  private static boolean tileAny(int lane) {
    int first = lane & ~3;
    boolean any = false;
    for (int l = first; l < first + 4; l++) {
      any |= tileValue(l) > 100;
    }
    return any;
  }

  /**
   * {@code tile.any(v > 100)} of a 4-thread cooperative-groups tile, as warp_intrinsics.sm_90.sass
   * compiles it (0x230-0x290, 0x330, 0x340, 0x460-0x490, 0x560): each tile runs apart after
   * WARPSYNC.EXCLUSIVE on its own mask, so its VOTE sees only its four lanes.
   */
  @Test
  void exclusiveWarpsyncRunsEachTileApartUntilBsync() throws Exception {
    WarpHarness h = new WarpHarness(Architecture.SM_90, 32,
        "S2R R18, SR_LANEID",
        "IMAD.MOV.U32 R3, RZ, RZ, 0xf",
        "LOP3.LUT R18, R18, 0xfffffffc, RZ, 0xc0, !PT",
        "SHF.L.U32 R18, R3, R18, RZ",
        "BSSY B0, 0x90",
        "ISETP.GT.AND P0, PT, R5, 0x64, PT",
        "WARPSYNC.EXCLUSIVE R18",
        "VOTE.ANY R17, PT, P0",
        "BSYNC B0",
        "WARPSYNC R18",
        "ISETP.NE.AND P0, PT, R17, RZ, PT");
    for (int lane = 0; lane < 32; lane++) {
      h.set(5, lane, tileValue(lane));
    }
    h.run();
    for (int lane = 0; lane < 32; lane++) {
      int ballot = 0;
      for (int l = lane & ~3; l < (lane & ~3) + 4; l++) {
        ballot |= tileValue(l) > 100 ? 1 << l : 0;
      }
      assertEquals(ballot, h.r(17, lane), "ballot of lane " + lane + "'s tile");
      assertEquals(tileAny(lane), h.p(0, lane), "tile.any in lane " + lane);
    }
    List<Long> votes = h.executions(0x70);
    assertEquals(8, votes.size(), "one VOTE per tile");
    for (int t = 0; t < 8; t++) {
      assertEquals(0xFL << (4 * t), votes.get(t));
    }
    assertEquals(List.of(0xFFFFFFFFL), h.executions(0x90), "BSYNC reunites the tiles");
    assertEquals(List.of(0xFFFFFFFFL), h.executions(0xa0));
  }

  /**
   * Half of every tile reaches WARPSYNC.EXCLUSIVE first and waits; when the other half arrives
   * the waiting lanes are released into their tiles' groups too, and no tile runs with another.
   */
  @Test
  void lanesReleasedFromAnExclusiveWaitJoinOnlyTheirTile() throws Exception {
    WarpHarness h = new WarpHarness(Architecture.SM_90, 32,
        "S2R R18, SR_LANEID",
        "IMAD.MOV.U32 R3, RZ, RZ, 0xf",
        "LOP3.LUT R4, R18, 0x1, RZ, 0xc0, !PT",
        "ISETP.NE.U32.AND P1, PT, R4, RZ, PT",
        "LOP3.LUT R18, R18, 0xfffffffc, RZ, 0xc0, !PT",
        "SHF.L.U32 R18, R3, R18, RZ",
        "BSSY B0, 0xd0",
        "ISETP.GT.AND P0, PT, R5, 0x64, PT",
        "@P1 BRA 0x100",
        "WARPSYNC.EXCLUSIVE R18",
        "VOTE.ANY R17, PT, P0",
        "BSYNC B0",
        "WARPSYNC R18",
        "EXIT",
        "NOP",
        "NOP",
        "IADD3 R6, R6, 0x1, RZ",
        "BRA 0x90");
    for (int lane = 0; lane < 32; lane++) {
      h.set(5, lane, tileValue(lane));
    }
    h.run();
    assertEquals(List.of(0x55555555L, 0xAAAAAAAAL), h.executions(0x90), "even lanes wait for the odd ones");
    for (int lane = 0; lane < 32; lane++) {
      int ballot = 0;
      for (int l = lane & ~3; l < (lane & ~3) + 4; l++) {
        ballot |= tileValue(l) > 100 ? 1 << l : 0;
      }
      assertEquals(ballot, h.r(17, lane), "ballot of lane " + lane + "'s tile");
    }
    List<Long> votes = h.executions(0xa0);
    assertEquals(8, votes.size(), "one VOTE per tile");
    for (int t = 0; t < 8; t++) {
      assertEquals(0xFL << (4 * t), votes.get(t));
    }
    assertEquals(List.of(0xFFFFFFFFL), h.executions(0xc0), "BSYNC reunites the tiles");
  }

  /**
   * The same vote as warp_intrinsics.sm_86.sass compiles it (0x500-0x590, the slow path at
   * 0xa10-0xa50 and its subroutine at 0xcc0-0xd10, joined again at the WARPSYNC of 0x690).
   * {@code R2UR P3} is true only in lanes whose mask equals the lowest lane's, so the guarded
   * BRA.DIV sends the other tiles to the slow path, which votes and ANDs with the mask, even
   * though the whole warp is converged.
   */
  @Test
  void tileVoteTakesTheSlowPathWhenTheMaskDiffersAcrossLanes() throws Exception {
    WarpHarness h = new WarpHarness(Architecture.SM_86, 32,
        "S2R R15, SR_LANEID",
        "IMAD.MOV.U32 R16, RZ, RZ, 0xf",
        "ISETP.GT.AND P0, PT, R5, 0x64, PT",
        "LOP3.LUT R15, R15, 0xfffffffc, RZ, 0xc0, !PT",
        "SHF.L.U32 R18, R16, R15, RZ",
        "REDUX.OR UR6, R18",
        "R2UR P3, URZ, R18",
        "@!P3 BRA.DIV UR6, 0xc0",
        "VOTE.ANY R15, PT, P0",
        "ISETP.NE.AND P0, PT, R15, RZ, PT",
        "WARPSYNC 0xffffffff",
        "EXIT",
        "SEL R15, RZ, 0x1, !P0",
        "MOV R16, 0xf0",
        "CALL.REL.NOINC 0x110",
        "ISETP.NE.AND P0, PT, R15, RZ, PT",
        "BRA 0xa0",
        "ISETP.NE.U32.AND P0, PT, R15, 0x1, PT",
        "IMAD.MOV.U32 R17, RZ, RZ, 0x0",
        "WARPSYNC R18",
        "VOTE.ANY R15, PT, !P0",
        "LOP3.LUT R15, R15, R18, RZ, 0xc0, !PT",
        "RET.REL.NODEC R16 0x0");
    for (int lane = 0; lane < 32; lane++) {
      h.set(5, lane, tileValue(lane));
    }
    h.run();
    for (int lane = 0; lane < 32; lane++) {
      assertEquals(lane < 4, h.p(3, lane), "R2UR: lane " + lane + " holds lane 0's mask");
      assertEquals(tileAny(lane), h.p(0, lane), "tile.any in lane " + lane);
    }
    assertEquals(List.of(0xFL), h.executions(0x80), "only lane 0's tile votes on the fast path");
    assertEquals(List.of(0xFFFFFFF0L), h.executions(0x140), "the other tiles vote on the slow path");
    assertEquals(List.of(0xFFFFFFFFL), h.executions(0xb0),
        "the fast-path tile waits at WARPSYNC 0xffffffff for the slow path's lanes, not at its WARPSYNC R18");
  }

  @Test
  void aBsyncWithAMissingLaneIsADeadlockReportedWithItsPc() throws Exception {
    // Lanes of B0 that went to a WARPSYNC for a mask they are not all in never arrive.
    WarpHarness h = new WarpHarness(
        "BSSY B0, 0x40",
        "@P0 BRA 0x30",
        "WARPSYNC 0xffffffff",
        "BSYNC B0").setPredicateMask(0, 0x0000FFFF);
    EmulationException e = assertThrows(EmulationException.class, h::run);
    assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    assertTrue(e.getMessage().startsWith("snippet.sass:"), e.getMessage());
  }
}
