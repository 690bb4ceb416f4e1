package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * fp8_convert.cu: float pairs to e4m3x2 (satfinite) and e5m2x2 (no saturation: cuda_fp8.hpp's
 * software path, since PTX has no non-saturating f32 → e5m2 cvt), both back to half2, an XOR mix
 * of the halves converted to e4m3x2 again, and two scalar conversions. Every conversion rounds to
 * nearest even once; exact. The x element of a pair is the low byte or half.
 */
final class Fp8ConvertReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "fp8_convert");
    d.require1d();
    float[] in = d.floats("in");
    int[] out = d.ints("out");
    int m = Math.min(d.intScalar("n"), d.gridX() * d.blockX());
    d.requireCount("in", 2L * m);
    d.requireCount("out", m);
    for (int i = 0; i < m; i++) {
      out[i] = value(in[2 * i], in[2 * i + 1]);
    }
    d.put("out", out);
    return d.outputs();
  }

  static int value(float x, float y) {
    int e4 = SmallFloats.toE4m3SatFinite(x) | SmallFloats.toE4m3SatFinite(y) << 8;
    int e5 = SmallFloats.toE5m2(x) | SmallFloats.toE5m2(y) << 8;
    int h4x = SmallFloats.toHalf(SmallFloats.fromE4m3(e4 & 0xFF)) & 0xFFFF;
    int h4y = SmallFloats.toHalf(SmallFloats.fromE4m3(e4 >>> 8)) & 0xFFFF;
    int h5x = (e5 & 0xFF) << 8; // e5m2 is the top byte of a binary16
    int h5y = e5 & 0xFF00;
    short hsx = (short) (h4x ^ h5y);
    short hsy = (short) (h4y ^ h5x);
    int back = e4m3FromHalf(hsx) | e4m3FromHalf(hsy) << 8;
    int one = SmallFloats.toE5m2SatFinite(x * 3.0f);
    int two = SmallFloats.toE4m3SatFinite((double) y);
    return (e4 << 16 | e5) ^ (back << 8) ^ one ^ (two << 24);
  }

  /** cvt.rn.satfinite.e4m3x2.f16x2 for one half; a NaN keeps its sign (S.1111.111). */
  static int e4m3FromHalf(short h) {
    double v = SmallFloats.fromHalf(h);
    if (Double.isNaN(v)) {
      return 0x7F | ((h & 0x8000) >>> 8);
    }
    return SmallFloats.toE4m3SatFinite(v);
  }
}
