package io.sassim.isa.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

  @Property
  void everyF16RoundTrips(@ForAll short h) {
    float f = HalfFloats.fromF16(h);
    if (Float.isNaN(f)) {
      assertTrue(Float.isNaN(HalfFloats.fromF16(HalfFloats.toF16(f))));
    } else {
      assertEquals(h, HalfFloats.toF16(f));
    }
  }

  @Property
  void f16IsTheNearestRepresentable(@ForAll float f) {
    if (Float.isNaN(f) || Math.abs(f) > 65504) {
      return;
    }
    float rounded = HalfFloats.fromF16(HalfFloats.toF16(f));
    short h = HalfFloats.toF16(f);
    float up = HalfFloats.fromF16((short) (h + 1));
    float down = HalfFloats.fromF16((short) (h - 1));
    double err = Math.abs((double) rounded - f);
    if (!Float.isInfinite(up) && !Float.isNaN(up)) {
      assertTrue(err <= Math.abs((double) up - f), f + " -> " + rounded + " but " + up + " is nearer");
    }
    if (!Float.isInfinite(down) && !Float.isNaN(down) && (h & 0x7FFF) != 0) {
      assertTrue(err <= Math.abs((double) down - f), f + " -> " + rounded + " but " + down + " is nearer");
    }
  }
}
