package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.launch.HalfFloats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workloads with a tolerance: each reference is near the exact mathematical result, and runs
 * with MUFU-sized errors injected (pseudo-random per input, and a one-directional bias) stay
 * inside the tolerance — the claim the tolerance makes about the emulator.
 */
class ToleranceReferencesTest {
  private static final double U = 0x1p-24;

  private static void assertWithin(Tolerance t, float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      if (!t.accepts(expected[i], actual[i])) { // message built only on failure: 65536 elements
        fail(what + "[" + i + "]: " + expected[i] + " vs " + actual[i] + " (" + t + ")");
      }
    }
  }

  private static void assertWithin(Tolerance t, Map<String, byte[]> expected,
      Map<String, byte[]> actual, String name) {
    assertWithin(t, LittleEndian.floats(expected.get(name)), LittleEndian.floats(actual.get(name)),
        name);
  }

  /** Noise of {@code ulps} and {@code absolute} size: pseudo-random, and biased either way. */
  private static Noise[] noises(int ulps, double absolute) {
    return new Noise[] {new Noise(ulps, absolute, 1, false), new Noise(ulps, absolute, 0, true),
        new Noise(-ulps, -absolute, 0, true)};
  }

  @Test
  void sfuMixIsTheExactFormulaAndItsToleranceCoversMufuErrors() throws Exception {
    SpecRun r = SpecRun.of("sfu_mix", "sfu_mix.launch.yaml");
    float[] x = r.inFloats("x");
    float[] y = r.inFloats("y");
    float[] out = r.outFloats("out");
    for (int i = 0; i < out.length; i++) {
      double a = x[i];
      double b = y[i];
      double exact = Math.sin(a) * Math.cos(b)
          + (Math.pow(2, a / 4) + Math.log(Math.abs(b) + 1) / Math.log(2)) / Math.sqrt(Math.abs(a) + 1)
          + a / b;
      // Only roundings (and FMUL.RZ's 2^-23 on the angle) separate the two.
      assertTrue(SfuMixReference.TOLERANCE.accepts(exact, out[i]), "at " + i);
    }
    SfuMixReference ref = (SfuMixReference) r.reference;
    double sinAbs = Math.pow(2, -21.41);
    double lg2Abs = Math.pow(2, -22.6);
    Noise[] sc = noises(0, sinAbs);
    Noise[] lg = noises(0, lg2Abs);
    Noise[] er = noises(2, 0);
    for (int k = 0; k < sc.length; k++) {
      assertWithin(SfuMixReference.TOLERANCE, r.expected,
          ref.run(r.spec, r.initial, sc[k], lg[k], er[k]), "out");
    }
  }

  @Test
  void softmaxRowsSumToOneAndItsToleranceCoversExpfErrors() throws Exception {
    SpecRun r = SpecRun.of("softmax", "softmax.launch.yaml");
    float[] in = r.inFloats("in");
    float[] out = r.outFloats("out");
    for (int row = 0; row < 256; row++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 256; c++) {
        max = Math.max(max, in[row * 256 + c]);
      }
      double sum = 0;
      double total = 0;
      for (int c = 0; c < 256; c++) {
        sum += Math.exp(in[row * 256 + c] - max);
        total += out[row * 256 + c];
      }
      assertTrue(Math.abs(total - 1) <= 270 * U, "row " + row + " sums to " + total);
      for (int c = 0; c < 256; c++) {
        double exact = Math.exp(in[row * 256 + c] - max) / sum;
        assertTrue(SoftmaxReference.TOLERANCE.accepts(exact, out[row * 256 + c]),
            "row " + row + " col " + c);
      }
    }
    SoftmaxReference ref = (SoftmaxReference) r.reference;
    for (Noise n : noises(2, 0)) {
      assertWithin(SoftmaxReference.TOLERANCE, r.expected, ref.run(r.spec, r.initial, n), "out");
    }
  }

  @Test
  void hgemmIsTheExactProductWithinTheTensorCoreTolerance() throws Exception {
    SpecRun r = SpecRun.of("hgemm_mma", "hgemm_mma.launch.yaml");
    short[] a = LittleEndian.shorts(r.initial.get("a"));
    short[] b = LittleEndian.shorts(r.initial.get("b"));
    float[] d = r.outFloats("d");
    double largest = 0;
    for (int i = 0; i < 128; i++) {
      for (int j = 0; j < 128; j++) {
        double exact = 0; // products of halves are exact; 128 of them nearly so in double
        for (int k = 0; k < 128; k++) {
          exact += (double) HalfFloats.fromF16(a[i * 128 + k]) * HalfFloats.fromF16(b[j * 128 + k]);
        }
        largest = Math.max(largest, Math.abs(exact));
        assertTrue(HgemmMmaReference.TOLERANCE.accepts(exact, d[i * 128 + j]), i + "," + j);
      }
    }
    assertTrue(largest < 16, "the tolerance assumes |D| < 16: " + largest);
    HgemmMmaReference ref = (HgemmMmaReference) r.reference;
    for (Noise n : noises(2, 0)) {
      assertWithin(HgemmMmaReference.TOLERANCE, r.expected, ref.run(r.spec, r.initial, n), "d");
    }
  }

  @Test
  void nbodyFollowsTheForcesAndItsToleranceCoversRsqrtErrors() throws Exception {
    SpecRun r = SpecRun.of("nbody_step", "nbody_step.launch.yaml");
    float[] pos = r.inFloats("pos");
    float[] vel = r.outFloats("vel");
    float[] posOut = r.outFloats("pos_out");
    double dt = 0.01f;
    double soft = 1e-3f;
    for (int i = 0; i < 512; i++) {
      double[] acc = new double[3];
      double[] mag = new double[3];
      for (int j = 0; j < 512; j++) {
        double[] dd = new double[3];
        for (int c = 0; c < 3; c++) {
          dd[c] = (double) pos[4 * j + c] - pos[4 * i + c];
        }
        double r2 = dd[0] * dd[0] + dd[1] * dd[1] + dd[2] * dd[2] + soft;
        double s = pos[4 * j + 3] / (r2 * Math.sqrt(r2));
        for (int c = 0; c < 3; c++) {
          acc[c] += dd[c] * s;
          mag[c] += Math.abs(dd[c] * s);
        }
      }
      for (int c = 0; c < 3; c++) {
        // A 512-deep FFMA chain of terms each ~6 roundings off: (512 + 10) u sum|terms|.
        double bound = (512 + 10) * U * mag[c] * dt;
        assertTrue(Math.abs(vel[4 * i + c] - acc[c] * dt) <= bound, "vel " + i + "." + c);
        assertEquals(Math.fma(vel[4 * i + c], (float) dt, pos[4 * i + c]), posOut[4 * i + c]);
      }
      assertEquals(0f, vel[4 * i + 3]);
      assertEquals(pos[4 * i + 3], posOut[4 * i + 3]);
    }
    NbodyStepReference ref = (NbodyStepReference) r.reference;
    for (Noise n : noises(2, 0)) {
      Map<String, byte[]> noisy = ref.run(r.spec, r.initial, n);
      assertWithin(NbodyStepReference.VEL, r.expected, noisy, "vel");
      assertWithin(NbodyStepReference.POS, r.expected, noisy, "pos_out");
    }
  }
}
