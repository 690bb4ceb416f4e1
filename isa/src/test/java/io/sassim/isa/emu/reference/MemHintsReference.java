package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * mem_hints.cu: loads and stores with cache and ordering hints, summed in float in source order.
 *
 * <p>Two things are not determined by the program. {@code acq} is an acquire load of flag[0],
 * which thread 0 sets to 1 with a release store at its end: a warp that runs after thread 0 reads
 * 1, one that runs before reads 0. The reference reads the initial value and out, out4 and
 * scratch admit a difference of 1 (plus the float rounding it shifts). And discard.global.L2
 * leaves the 128-byte line at scratch + 5n indeterminate in PTX; the reference keeps its
 * contents, as a memory model without an L2 does.
 */
final class MemHintsReference implements WorkloadReference {

  static final Tolerance ACQUIRE = new Tolerance(1 + 0x1p-12, 0,
      "acq reads flag[0] before or after thread 0's release store: 0 or 1, plus rounding");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "mem_hints");
    d.require1d();
    int n = d.intScalar("n");
    int m = Math.min(n, d.gridX() * d.blockX());
    float[] in = d.floats("in4");
    byte[] bytes = d.bytes("bytes");
    short[] halves = d.shorts("halves");
    float[] out = d.floats("out");
    float[] out4 = d.floats("out4");
    int[] flag = d.ints("flag");
    byte[] scratchBytes = d.bytes("scratch");
    d.requireCount("in4", 4L * Math.max(m, n));
    d.requireCount("bytes", n);
    d.requireCount("halves", m);
    d.requireCount("out", n + (long) m);
    d.requireCount("out4", 4L * m);
    d.requireCount("flag", 2);
    d.requireCount("scratch", (10L * n + 3) / 4); // shorts reach byte 10n
    ByteBuffer scratch = ByteBuffer.wrap(scratchBytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] scratchIn = d.floats("scratch");
    int acq = flag[0];
    for (int i = 0; i < m; i++) {
      float a = in[i] + in[n + i];
      float c = scratchIn[i]; // thread i alone writes scratch[i], after this load
      float nc = in[2 * i];
      int b = bytes[i] & 0xFF;
      short h = halves[i];
      byte sb = bytes[n - 1 - i];
      float s = in[4 * i] + in[4 * i + 1] + in[4 * i + 2] + in[4 * i + 3] + a + c + nc
          + (float) Integer.toUnsignedLong(acq) + b + h + sb;
      out[i] = s;
      out[n + i] = a;
      out4[4 * i] = s;
      out4[4 * i + 1] = a;
      out4[4 * i + 2] = c;
      out4[4 * i + 3] = nc;
      scratch.put(4 * n + i, (byte) (b + 1));
      scratch.putShort(2 * (4 * n + i), (short) (h - 1));
      scratch.putFloat(4 * i, s);
    }
    if (m > 0) {
      flag[0] = 1;
      flag[1] = 2;
    }
    d.put("out", out);
    d.put("out4", out4);
    d.put("flag", flag);
    d.put("scratch", scratchBytes);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("flag") ? Tolerance.EXACT : ACQUIRE;
  }
}
