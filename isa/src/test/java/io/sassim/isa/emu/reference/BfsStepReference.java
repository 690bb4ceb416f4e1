package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * bfs_step.cu, run serially in thread order. levels and next_count do not depend on the order
 * the atomics are served (every unvisited neighbour of the frontier is claimed exactly once and
 * gets level + 1), but the slots of next_frontier do, so that output is compared as a set: see
 * {@link #canonical}.
 */
final class BfsStepReference implements WorkloadReference, OrderFreeOutputs {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "bfs_step");
    d.require1d();
    int[] rowPtr = d.ints("row_ptr");
    int[] colIdx = d.ints("col_idx");
    int[] frontier = d.ints("frontier");
    int[] levels = d.ints("levels");
    int[] next = d.ints("next_frontier");
    int[] count = d.ints("next_count");
    int level = d.intScalar("level");
    int size = Math.min(d.intScalar("frontier_size"), d.threadsX());
    d.requireCount("frontier", frontier.length, size);
    for (int t = 0; t < size; t++) {
      int v = frontier[t];
      for (int e = rowPtr[v]; e < rowPtr[v + 1]; e++) {
        int u = colIdx[e];
        if (levels[u] != -1) {
          continue;
        }
        levels[u] = level + 1; // the atomicCAS that wins
        next[count[0]++] = u;
      }
    }
    d.put("levels", levels);
    d.put("next_frontier", next);
    d.put("next_count", count);
    return d.outputs();
  }

  /**
   * next_frontier with the slots this launch appended — from the initial next_count up to the
   * final one in {@code outputs} — sorted; every other output unchanged.
   */
  @Override
  public byte[] canonical(String argName, byte[] bytes, Map<String, byte[]> outputs,
      Map<String, byte[]> initial) {
    if (!argName.equals("next_frontier")) {
      return bytes;
    }
    int from = ByteBuffer.wrap(initial.get("next_count")).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    int to = ByteBuffer.wrap(outputs.get("next_count")).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    int[] slots = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(slots);
    if (0 <= from && from <= to && to <= slots.length) {
      Arrays.sort(slots, from, to);
    }
    ByteBuffer out = ByteBuffer.allocate(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asIntBuffer().put(slots);
    return out.array();
  }
}
