package io.sassim.traces.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct static instructions of one kernel, numbered in order of first appearance. Trace
 * readers intern every line's static part here; warp streams hold the numbers.
 */
public final class InstructionTable {

  private final List<StaticInstruction> byId = new ArrayList<>();
  private final Map<StaticInstruction, Integer> ids = new HashMap<>();

  /** The id of {@code instruction}, adding it when new. */
  public int intern(StaticInstruction instruction) {
    Integer id = ids.get(instruction);
    if (id != null) {
      return id;
    }
    int next = byId.size();
    byId.add(instruction);
    ids.put(instruction, next);
    return next;
  }

  /**
   * Puts {@code instruction} in place of entry {@code id}, keeping the number; used to attach
   * control bits to a table a reader has already filled. The replaced form still interns to
   * {@code id}: a reader that meets the same trace line in a later CTA builds it again without
   * control bits, and must get the existing entry rather than a duplicate.
   */
  public void replace(int id, StaticInstruction instruction) {
    byId.set(id, instruction);
    ids.put(instruction, id);
  }

  public StaticInstruction get(int id) {
    return byId.get(id);
  }

  public int size() {
    return byId.size();
  }

  /** A snapshot of the instructions in id order. */
  public List<StaticInstruction> instructions() {
    return List.copyOf(byId);
  }

  /** True when the table is non-empty and every instruction carries control bits. */
  public boolean allHaveControl() {
    if (byId.isEmpty()) {
      return false;
    }
    for (StaticInstruction s : byId) {
      if (!s.hasControl()) {
        return false;
      }
    }
    return true;
  }
}
