package io.sassim.traces.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A builder that handed its exactly filled arrays to a trace must not change that trace later. */
class WarpTraceBuilderReuseTest {

  @Test
  void addingAfterBuildLeavesTheBuiltTraceAlone() {
    long[] lanes = {100, 104};
    WarpTrace.Builder b = new WarpTrace.Builder(3, 2, 4);
    b.add(0, -1, lanes, 2, 1).add(1, 3, lanes, 2, 2);
    WarpTrace first = b.build();
    lanes[0] = 7;
    b.add(2, 1, lanes, 1, 0);
    WarpTrace second = b.build();
    assertEquals(2, first.length());
    assertEquals(4, first.totalAddresses());
    assertEquals(100, first.address(0, 0));
    assertEquals(3, second.length());
    assertEquals(7, second.address(2, 0));
    assertEquals(2, second.addressMode(1));
    assertEquals(first, new WarpTrace.Builder(3).add(0, -1, new long[] {100, 104}, 2, 1)
        .add(1, 3, new long[] {100, 104}, 2, 2).build());
  }
}
