package io.sassim.isa.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatsTest {

  @ParameterizedTest
  @CsvSource({
      "1.0, 3C00", "-2.0, C000", "0.1, 2E66", "65504, 7BFF", "65520, 7C00", "65519, 7BFF",
      "5.9604645E-8, 0001", "2.9802322E-8, 0000", "4.4703484E-8, 0001", "6.1035156E-5, 0400",
      "0.0, 0000", "-0.0, 8000", "Infinity, 7C00", "1.00048828125, 3C00", "1.00146484375, 3C02",
  })
  void f16RoundsToNearestEven(float in, String hex) {
    assertEquals(Integer.parseInt(hex, 16), Short.toUnsignedInt(HalfFloats.toF16(in)));
  }

  @ParameterizedTest
  @CsvSource({"1.0, 3F80", "0.1, 3DCD", "-3.0, C040", "1.00390625, 3F80", "1.01171875, 3F82"})
  void bf16RoundsToNearestEven(float in, String hex) {
    assertEquals(Integer.parseInt(hex, 16), Short.toUnsignedInt(HalfFloats.toBf16(in)));
  }

  /** All 65536 f16 encodings: each decodes and re-encodes to itself (NaNs stay NaN). */
  @Test
  void everyF16RoundTrips() {
    assertEveryEncodingRoundTrips(HalfFloats::fromF16, HalfFloats::toF16);
  }

  /** The same for bfloat16. */
  @Test
  void everyBf16RoundTrips() {
    assertEveryEncodingRoundTrips(HalfFloats::fromBf16, HalfFloats::toBf16);
  }

  private interface Decode {
    float apply(short bits);
  }

  private interface Encode {
    short apply(float value);
  }

  private static void assertEveryEncodingRoundTrips(Decode decode, Encode encode) {
    for (int bits = 0; bits < 1 << 16; bits++) {
      short h = (short) bits;
      float f = decode.apply(h);
      if (Float.isNaN(f)) {
        assertTrue(Float.isNaN(decode.apply(encode.apply(f))), Integer.toHexString(bits));
      } else if (h != encode.apply(f)) {
        assertEquals(h, encode.apply(f), Integer.toHexString(bits));
      }
    }
  }

  /**
   * Random floats from a fixed seed: half are arbitrary bit patterns, half are scaled into the
   * f16 range, subnormals included, where rounding decisions actually happen.
   */
  @Test
  void f16IsTheNearestRepresentable() {
    SplittableRandom random = new SplittableRandom(16);
    for (int trial = 0; trial < 200_000; trial++) {
      float f = trial % 2 == 0
          ? Float.intBitsToFloat(random.nextInt())
          : (random.nextBoolean() ? -1 : 1) * Math.scalb(random.nextFloat(), random.nextInt(-26, 17));
      assertNearest(f, "case " + trial);
    }
  }

  private static void assertNearest(float f, String where) {
    if (Float.isNaN(f) || Math.abs(f) > 65504) {
      return;
    }
    short h = HalfFloats.toF16(f);
    float rounded = HalfFloats.fromF16(h);
    float up = HalfFloats.fromF16((short) (h + 1));
    float down = HalfFloats.fromF16((short) (h - 1));
    double err = Math.abs((double) rounded - f);
    if (!Float.isInfinite(up) && !Float.isNaN(up) && err > Math.abs((double) up - f)) {
      fail(where + ": " + f + " -> " + rounded + " but " + up + " is nearer");
    }
    if (!Float.isInfinite(down) && !Float.isNaN(down) && (h & 0x7FFF) != 0
        && err > Math.abs((double) down - f)) {
      fail(where + ": " + f + " -> " + rounded + " but " + down + " is nearer");
    }
  }
}
