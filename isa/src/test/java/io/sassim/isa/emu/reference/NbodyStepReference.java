package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * nbody_step.cu following its listing: for every body j in tile order, r2 = fma(dx, dx, fma(dy,
 * dy, fma(dz, dz, 1e-3f))), s = ((w · inv) · inv) · inv with inv = rsqrtf(r2), and the
 * accelerations are FFMA chains; then vel += a·dt and pos_out = pos + vel·dt by fmaf. The
 * reference rounds every operation as the GPU does except rsqrtf, which is MUFU.RSQ on the GPU
 * and the correctly rounded 1/sqrt here.
 */
final class NbodyStepReference implements WorkloadReference {
  private static final float SOFTENING2 = 1e-3f;

  /**
   * Absolute, for the spec's 512 bodies: MUFU.RSQ is within 2 ulp, and s uses it cubed. A 512-term
   * FFMA chain with cancellation has no useful worst-case bound (6e-5 of the sum of |terms|), so
   * this is measured: moving every rsqrtf by 2 ulp in one direction changes vel by 6.2e-6 at most
   * (|vel| up to 8.1), by random ±2 ulp 2.6e-6; 1.5e-5 leaves a factor 2.4 (the tests re-measure).
   */
  static final Tolerance VEL = new Tolerance(1.5e-5, 0,
      "rsqrtf is MUFU.RSQ (2 ulp) in 512-term FFMA chains; 2-ulp bias moves vel <= 6.2e-6");

  /** pos_out = fmaf(vel, dt, pos): dt times the vel bound plus one rounding of values below 1. */
  static final Tolerance POS = new Tolerance(2.5e-7, 0,
      "fmaf(vel, dt, pos) carries dt x the vel tolerance plus one rounding (< 6e-8)");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    return run(spec, initial, Noise.NONE);
  }

  /** The launch with {@code noise} on every rsqrtf (the tests size the tolerance with it). */
  Map<String, byte[]> run(LaunchSpec spec, Map<String, byte[]> initial, Noise noise) {
    LaunchData d = new LaunchData(spec, initial, "nbody_step");
    d.require1d();
    int bdx = d.block().x();
    if (spec.dynamicSharedBytes() < 16 * bdx) {
      throw new IllegalArgumentException(spec.source() + ": nbody_step stages blockDim.x float4s"
          + " in dynamic shared memory: needs " + 16 * bdx + " bytes, the spec gives "
          + spec.dynamicSharedBytes());
    }
    float[] pos = d.floats("pos");
    float[] vel = d.floats("vel");
    float[] posOut = d.floats("pos_out");
    int n = d.intScalar("n");
    float dt = d.floatScalar("dt");
    int bodies = d.threadsX();
    // Tiles of blockDim.x bodies while t0 < n: the last tile reads past n when bdx does not divide n.
    long read = Math.max(bodies, n <= 0 ? 0 : ((n + bdx - 1L) / bdx) * bdx);
    d.requireCount("pos", pos.length, 4 * read);
    d.requireCount("vel", vel.length, 4L * bodies);
    d.requireCount("pos_out", posOut.length, 4L * bodies);
    for (int i = 0; i < bodies; i++) {
      float px = pos[4 * i];
      float py = pos[4 * i + 1];
      float pz = pos[4 * i + 2];
      float ax = 0f;
      float ay = 0f;
      float az = 0f;
      for (int t0 = 0; t0 < n; t0 += bdx) {
        for (int j = t0; j < t0 + bdx; j++) {
          float dx = pos[4 * j] - px;
          float dy = pos[4 * j + 1] - py;
          float dz = pos[4 * j + 2] - pz;
          float r2 = Math.fma(dx, dx, Math.fma(dy, dy, Math.fma(dz, dz, SOFTENING2)));
          float inv = noise.apply((float) (1 / Math.sqrt(r2)), r2);
          float s = pos[4 * j + 3] * inv * inv * inv;
          ax = Math.fma(dx, s, ax);
          ay = Math.fma(dy, s, ay);
          az = Math.fma(dz, s, az);
        }
      }
      vel[4 * i] = Math.fma(ax, dt, vel[4 * i]);
      vel[4 * i + 1] = Math.fma(ay, dt, vel[4 * i + 1]);
      vel[4 * i + 2] = Math.fma(az, dt, vel[4 * i + 2]);
      posOut[4 * i] = Math.fma(vel[4 * i], dt, px);
      posOut[4 * i + 1] = Math.fma(vel[4 * i + 1], dt, py);
      posOut[4 * i + 2] = Math.fma(vel[4 * i + 2], dt, pz);
      posOut[4 * i + 3] = pos[4 * i + 3];
    }
    d.put("vel", vel);
    d.put("pos_out", posOut);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("vel") ? VEL : POS;
  }
}
