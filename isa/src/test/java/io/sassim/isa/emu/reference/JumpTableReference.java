package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * jump_table.cu: a 12-way switch, a 4-way brx.idx table, a call through one of three function
 * pointers and a recursive Fibonacci, summed with 32-bit wrap-around as the GPU computes. Exact.
 */
final class JumpTableReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "jump_table");
    d.require1d();
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int m = d.guardedCount("n", "in", "out");
    for (int i = 0; i < m; i++) {
      out[i] = value(in[i]);
    }
    d.put("out", out);
    return d.outputs();
  }

  static int value(int v) {
    int r = switch (v & 15) {
      case 0 -> v + 11;
      case 1 -> v * 3;
      case 2 -> v ^ 0x1234;
      case 3 -> v >> 2;
      case 4 -> v - 99;
      case 5 -> ~v;
      case 6 -> v * v;
      case 7 -> v | 0x700;
      case 8 -> v & 0xff;
      case 9 -> v << 3;
      case 10 -> v + 1000;
      case 11 -> 7 - v;
      default -> 0;
    };
    int sel = (v >> 4) % 3; // C's % truncates like Java's; a negative remainder picks 0
    int op = switch (sel < 0 ? 0 : sel) {
      case 0 -> v * v;
      case 1 -> v * (v + 1) / 2; // the SASS wraps the product, then divides rounding to zero
      default -> -v ^ 0x55;
    };
    int t = switch (Integer.remainderUnsigned(v, 4)) {
      case 0 -> v + 5;
      case 1 -> v * 9;
      case 2 -> v ^ 77;
      default -> v << 1;
    };
    return r + t + op + fib(v & 7);
  }

  static int fib(int k) {
    return k < 2 ? k : fib(k - 1) + fib(k - 2);
  }
}
