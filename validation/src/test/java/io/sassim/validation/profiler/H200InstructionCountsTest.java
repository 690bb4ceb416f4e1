package io.sassim.validation.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.validation.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real-hardware golden test: the emulator must execute exactly the instructions an H200 executed.
 * It reads the committed Nsight Compute profile of the corpus on sm_90 (one launch per case,
 * {@code validation/measurements/nvidia-h200/ncu-20261127T141535Z}), runs every case's launch
 * spec on the same cubin in the emulator, and compares warp instructions by opcode, by opcode
 * with modifiers and by PC, and thread instructions. Only the cases listed below are excused,
 * each with its reason; docs/validation.md ("Executed instructions") has the table this prints.
 */
class H200InstructionCountsTest {
  static final Path RUN = Path.of("validation/measurements/nvidia-h200/ncu-20261127T141535Z");

  /**
   * Cases whose executed instructions depend on timing, so that no functional emulator can
   * match them: retry and spin loops run as often as other warps or the clock make them.
   */
  static final Map<String, String> TIMING_DEPENDENT = Map.of(
      "atomics_mix", "the shared-memory f32 and f64 atomics are CAS loops (ATOMS.CAST.SPIN) that"
          + " retry while other warps of the CTA interfere: 2,197 warp instructions by the"
          + " hardware counter, 1,869 in the patched pass",
      "bfs_step", "whether levels[u] is already set, which thread's atomicCAS claims a vertex,"
          + " and so how each warp's lanes split before every BSYNC, depend on the order in which"
          + " warps run: 8,834, 8,839 and 8,831 warp instructions in three passes",
      "cas_loop", "global atomicCAS retry loops, retried under contention from 32 CTAs: 181,142"
          + " and 173,884 by the hardware counter, 226,309 in the patched pass",
      "clock_rate", "spins on %globaltimer for 2 ms, so its trip count is wall time (25,623 in"
          + " the patched pass, 593,979 unpatched)");

  /** Cases the emulator stops in, at an instruction it does not implement (docs/emulator.md). */
  static final Set<String> NOT_EMULATED =
      Set.of("bulk_copy", "cluster_exchange", "hopper_misc", "printf_call", "wgmma_tile");

  /**
   * Deterministic differences not yet explained: emulator minus hardware, by opcode. collatz's
   * loop-exit BSYNC: each group of lanes that leaves the loop in a different iteration executes
   * it on its own in the emulator (14,758); the H200 runs 120 fewer, so some exit groups reach it
   * together, by a rule that none of the schedules tried reproduces (docs/validation.md).
   */
  static final Map<String, Map<String, Long>> UNEXPLAINED = Map.of(
      "collatz", Map.of("BSYNC", 120L));

  /**
   * Thread-instruction differences (hardware counter minus emulator) in cases whose warp
   * instructions match opcode for opcode and PC for PC: the counter saw 8 (dyn_shared) and 32
   * (local_array) more issuing lanes. Both kernels reach BSYNCs in several groups; others that
   * do (alu_latency, stall_yield, fp8_convert) match, and the profile has no per-PC thread counts
   * to locate the extra lanes, so the rule is not known.
   */
  static final Map<String, Long> THREAD_COUNT_UNEXPLAINED =
      Map.of("dyn_shared", 8L, "local_array", 32L);

  static List<InstructionMixComparison> all;

  @BeforeAll
  static void emulateEveryCase() throws Exception {
    Path dir = RepoFiles.root().resolve(RUN);
    List<ProfiledCase> cases =
        ProfiledCase.join(dir.resolve("capture.json"), dir.resolve("ncu-details.csv"));
    all = new ArrayList<>();
    for (ProfiledCase c : cases) {
      all.add(InstructionMixComparison.of(c));
    }
    System.out.println(InstructionMixComparison.table(all));
  }

  @Test
  void everyCaseOfTheCaptureHasItsOwnLaunch() {
    assertEquals(68, all.size());
    Set<Integer> ids = new HashSet<>();
    for (InstructionMixComparison c : all) {
      assertTrue(ids.add(c.profiled().hardware().id()), c.profiled().name());
      String kernel = c.profiled().hardware().kernel();
      assertTrue(c.profiled().name().startsWith(kernel.replace("_warp", "")),
          c.profiled().name() + " joined to a launch of " + kernel);
    }
  }

  @Test
  void deterministicCasesExecuteExactlyWhatTheH200Executed() {
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (InstructionMixComparison c : all) {
      String name = c.profiled().name();
      if (TIMING_DEPENDENT.containsKey(name) || NOT_EMULATED.contains(name)) {
        continue;
      }
      compared++;
      if (!c.ran()) {
        failures.add(name + ": " + c.notEmulated());
        continue;
      }
      Map<String, Long> expected = UNEXPLAINED.getOrDefault(name, Map.of());
      Map<String, Long> byOpcode = deltas(c.byOpcode());
      if (!byOpcode.equals(expected)) {
        failures.add(name + " by opcode (emulator - hardware): " + byOpcode);
      }
      if (expected.isEmpty()) {
        if (!c.byMnemonic().isEmpty()) {
          failures.add(name + " by opcode with modifiers: " + c.byMnemonic());
        }
        if (!c.byPc().isEmpty()) {
          failures.add(name + " by PC: " + c.byPc());
        }
      }
    }
    assertEquals(59, compared, "cases compared");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * smsp__thread_inst_executed counts the lanes that issue each instruction, predicated-off
   * ones included: the emulator's active lanes, not the lanes whose guard held. Checked where
   * the hardware counter and the patched pass count the same warp instructions (they do not
   * for jump_table, warp_intrinsics, hopper_misc and printf_call, docs/validation.md).
   */
  @Test
  void threadInstructionsCountIssuingLanesPredicatedOffOnesIncluded() {
    int compared = 0;
    boolean guardsMatter = false;
    for (InstructionMixComparison c : all) {
      NcuInstructionCounts hw = c.profiled().hardware();
      if (!c.ran() || !c.exact() || hw.warpInstructions() != hw.byOpcode().total()) {
        continue;
      }
      compared++;
      assertEquals(hw.threadInstructions(), c.emulated().activeThreads()
          + THREAD_COUNT_UNEXPLAINED.getOrDefault(c.profiled().name(), 0L),
          c.profiled().name() + " thread instructions");
      guardsMatter |= c.emulated().guardTrueThreads() != c.emulated().activeThreads();
    }
    assertTrue(compared >= 50, "compared " + compared);
    assertTrue(guardsMatter, "some case has predicated-off lanes, so the two readings differ");
  }

  /** Each excused case is still excused for its reason, so the lists cannot go stale. */
  @Test
  void theExcusesStillApply() {
    Map<String, InstructionMixComparison> byName = new TreeMap<>();
    for (InstructionMixComparison c : all) {
      byName.put(c.profiled().name(), c);
    }
    for (String name : NOT_EMULATED) {
      assertFalse(byName.get(name).ran(), name + " runs now: compare it (drop it from the list)");
    }
    for (String name : TIMING_DEPENDENT.keySet()) {
      InstructionMixComparison c = byName.get(name);
      assertNull(c.notEmulated(), name);
      assertNotEquals(List.of(), c.byOpcode(), name + " matches: is it timing dependent?");
    }
    for (String name : UNEXPLAINED.keySet()) {
      assertTrue(byName.containsKey(name), name);
    }
  }

  private static Map<String, Long> deltas(List<InstructionMixComparison.Difference> ds) {
    Map<String, Long> out = new TreeMap<>();
    for (InstructionMixComparison.Difference d : ds) {
      out.put(d.opcode(), d.delta());
    }
    return out;
  }
}
