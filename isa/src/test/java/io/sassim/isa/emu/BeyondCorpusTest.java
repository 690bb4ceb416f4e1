package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.LaunchSpec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kernels written for these tests only, not for the corpus the emulator was developed against:
 * their sources, cubins and listings live under {@code src/test/resources/.../emu/kernels} and
 * are built with {@code scripts/sass-toolchain.sh FILE.cu}.
 */
class BeyondCorpusTest {

  private static LaunchSpec spec(String name) throws Exception {
    return Launches.spec("isa/src/test/resources/io/sassim/isa/emu/kernels/" + name + "/" + name + ".launch.yaml");
  }

  /** Escape-time Mandelbrot, in the listing's operation order: {@code zi = fma(zr + zr, zi, ci)}. */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void mandelbrot(Architecture arch) throws Exception {
    int w = 117;
    int h = 48;
    short[] want = new short[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float cr = -2.0f + 2.5f * x / w;
        float ci = -1.25f + 2.5f * y / h;
        float zr = 0f;
        float zi = 0f;
        int i = 0;
        for (; i < 200; i++) {
          float zr2 = zr * zr;
          float zi2 = zi * zi;
          if (zr2 + zi2 > 4.0f) {
            break;
          }
          zi = Math.fma(zr + zr, zi, ci);
          zr = cr + (zr2 - zi2);
        }
        want[y * w + x] = (short) i;
      }
    }
    ByteBuffer out = Launches.le(Launches.run(spec("mandelbrot"), arch).buffers().get("iters"));
    short[] got = new short[w * h];
    out.asShortBuffer().get(got);
    assertArrayEquals(want, got);
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void warpSortWithShufflesMatchesAndBallots(Architecture arch) throws Exception {
    LaunchSpec spec = spec("warp_sort");
    int[] in = Launches.ints(Launches.initial(spec, "in"));
    int[] sorted = new int[in.length];
    int[] first = new int[in.length];
    int[] below = new int[in.length];
    for (int base = 0; base < in.length; base += 32) {
      int[] warp = Arrays.copyOfRange(in, base, base + 32);
      Arrays.sort(warp);
      int count = 0;
      for (int lane = 0; lane < 32; lane++) {
        count += warp[lane] < warp[31 - lane] ? 1 : 0;
      }
      for (int lane = 0; lane < 32; lane++) {
        sorted[base + lane] = warp[lane];
        int f = 0;
        while (warp[f] != warp[lane]) {
          f++;
        }
        first[base + lane] = f;
        below[base + lane] = count;
      }
    }
    EmulationResult r = Launches.run(spec, arch);
    assertArrayEquals(sorted, Launches.ints(r.buffers().get("sorted")));
    assertArrayEquals(first, Launches.ints(r.buffers().get("first")));
    assertArrayEquals(below, Launches.ints(r.buffers().get("below")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void wordCountWithSharedAnd64BitAtomics(Architecture arch) throws Exception {
    LaunchSpec spec = spec("word_count");
    ByteBuffer text = Launches.initial(spec, "text");
    int n = text.capacity();
    long words = 0;
    int longest = 0;
    for (int i = 0; i < n; i++) {
      boolean space = (text.get(i) & 0xFF) % 4 == 0;
      if (!space && (i == 0 || (text.get(i - 1) & 0xFF) % 4 == 0)) {
        words++;
        int len = 0;
        while (i + len < n && (text.get(i + len) & 0xFF) % 4 != 0) {
          len++;
        }
        longest = Math.max(longest, len);
      }
    }
    EmulationResult r = Launches.run(spec, arch);
    assertEquals(words, Launches.le(r.buffers().get("words")).getLong(0));
    assertEquals(longest, Launches.ints(r.buffers().get("longest"))[0]);
  }
}
