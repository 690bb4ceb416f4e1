package io.sassim.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.core.StallReason;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StallKeysTest {

  @Test
  void keysAreLowerCamelCaseAndCollideWithNoOtherKey() {
    assertEquals("memoryQueue", StallKeys.of(StallReason.MEMORY_QUEUE));
    assertEquals("noWarp", StallKeys.of(StallReason.NO_WARP));
    assertEquals("yield", StallKeys.of(StallReason.YIELD));
    Set<String> keys = new HashSet<>();
    for (Stat s : Stat.values()) {
      assertTrue(keys.add(s.key()), s.key());
    }
    for (StallReason r : StallReason.values()) {
      String key = StallKeys.of(r);
      assertTrue(key.matches("[a-z][a-zA-Z0-9]*"), key);
      assertTrue(keys.add(key), "stall key " + key + " repeats another key");
    }
  }
}
