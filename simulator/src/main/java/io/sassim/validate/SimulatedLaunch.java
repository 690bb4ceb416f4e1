package io.sassim.validate;

import io.sassim.isa.launch.BufferArg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * What a simulation of one launch gives a comparison.
 *
 * @param cycles the kernel's simulated cycles ({@code gpu_sim_cycle})
 * @param warpInstructions the warp instructions it issued
 * @param buffers every buffer's final bytes by argument name, little-endian as on the device
 */
public record SimulatedLaunch(long cycles, long warpInstructions, Map<String, byte[]> buffers) {

  public SimulatedLaunch {
    buffers = Map.copyOf(buffers);
  }

  /**
   * Element {@code index} of the clocks buffer {@code clocks}, read as the unsigned integer of
   * its type (a microbenchmark stores clock deltas as u32 or u64).
   *
   * @throws SimulationFailedException when the run returned no such buffer or it is too short
   */
  public double clock(BufferArg clocks, int index) throws SimulationFailedException {
    byte[] bytes = buffers.get(clocks.name());
    int width = clocks.type().bytes();
    if (bytes == null || (long) (index + 1) * width > bytes.length) {
      throw new SimulationFailedException("the simulated run returned no element " + index
          + " of buffer '" + clocks.name() + "'");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    return switch (width) {
      case 4 -> Integer.toUnsignedLong(b.getInt(index * 4));
      case 8 -> {
        long v = b.getLong(index * 8);
        yield v >= 0 ? v : Math.scalb((double) (v >>> 1), 1);
      }
      default -> throw new SimulationFailedException("clocks buffer '" + clocks.name()
          + "' has " + width + "-byte elements; clock deltas are u32 or u64");
    };
  }
}
