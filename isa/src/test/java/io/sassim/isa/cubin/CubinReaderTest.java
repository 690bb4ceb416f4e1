package io.sassim.isa.cubin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected values come from {@code cuobjdump -res-usage} and {@code cuobjdump -elf} (CUDA 12.4)
 * run on the same files, and from the kernel sources.
 */
class CubinReaderTest {
  static Path vecadd(String arch) {
    return CorpusFiles.file("traces/kernels/vecadd/vecadd." + arch + ".cubin");
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = CubinReaderTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  @Test
  void vecaddOnEveryTarget() throws Exception {
    Map<String, Architecture> archs = Map.of("sm_80", Architecture.SM_80, "sm_86", Architecture.SM_86,
        "sm_89", Architecture.SM_89, "sm_90", Architecture.SM_90);
    for (Map.Entry<String, Architecture> e : archs.entrySet()) {
      Cubin c = CubinReader.read(vecadd(e.getKey()));
      assertEquals(e.getValue(), c.architecture());
      assertEquals(1, c.kernels().size());
      CubinKernel k = c.kernel("vecadd");
      assertNotNull(k);
      // vecadd(const float* a, const float* b, float* c, int n)
      assertEquals(List.of(new KernelParameter(0, 0, 8), new KernelParameter(1, 8, 8),
          new KernelParameter(2, 16, 8), new KernelParameter(3, 24, 4)), k.parameters());
      assertEquals(28, k.paramBytes());
      assertEquals(0, k.paramBank());
      assertEquals(12, k.registerCount(), "cuobjdump -res-usage REG");
      assertEquals(0, k.staticSharedBytes());
      assertEquals(0, k.frameBytes());
      boolean hopper = e.getValue() == Architecture.SM_90;
      assertEquals(hopper ? 0x210 : 0x160, k.paramBase());
      assertEquals(Map.of(0, hopper ? 556 : 380), k.constantBankBytes(), "cuobjdump CONSTANT[0]");
      assertEquals(hopper ? List.of(0x70, 0x130) : List.of(0x50, 0xf0), k.exitOffsets());
      assertEquals(k.textBytes() / 16, k.instructionCount());
      assertTrue(k.exitOffsets().get(1) < k.textBytes());
      assertEquals(List.of(), k.maxThreads());
    }
  }

  @Test
  void everyCorpusCubinReadsWithItsTargetAndCoherentLayout() throws Exception {
    int n = 0;
    for (Path p : CorpusFiles.withSuffix(".cubin")) {
      String name = p.getFileName().toString();
      String arch = name.substring(name.indexOf('.') + 1, name.lastIndexOf('.'));
      Cubin c = CubinReader.read(p);
      assertEquals(Architecture.parse(arch), c.architecture(), p.toString());
      assertTrue(!c.kernels().isEmpty(), p.toString());
      for (CubinKernel k : c.kernels()) {
        assertEquals(arch.startsWith("sm_90") ? 0x210 : 0x160, k.paramBase(), p + " " + k.name());
        int end = 0;
        for (KernelParameter param : k.parameters()) {
          assertTrue(param.offset() >= end, p + ": parameters overlap");
          end = param.offset() + param.size();
        }
        assertTrue(end <= k.paramBytes(), p + ": parameters past CBANK_PARAM_SIZE");
        assertEquals(k.paramBase() + k.paramBytes(), k.constantBankBytes().get(0), p + ": bank 0 = base + params");
        assertTrue(k.registerCount() > 0 && k.registerCount() <= 255, p + " registers");
        for (int exit : k.exitOffsets()) {
          assertTrue(exit % 16 == 0 && exit < k.textBytes(), p + " exit offset");
        }
      }
      n++;
    }
    assertTrue(n >= 4, "found only " + n + " corpus cubins");
  }

  /** jump_table recurses and calls through a pointer: ptxas stores MIN_STACK_SIZE as all ones. */
  @Test
  void undeterminedStackSizeOfARecursiveKernel() throws Exception {
    for (String arch : List.of("sm_80", "sm_90")) {
      Cubin c = CubinReader.read(CorpusFiles.file("traces/kernels/jump_table/jump_table." + arch + ".cubin"));
      CubinKernel k = c.kernel("jump_table");
      assertEquals(CubinKernel.UNBOUNDED_STACK, k.minStackBytes(), arch);
      assertTrue(k.frameBytes() >= 0 && k.frameBytes() < 1024, arch + " frame " + k.frameBytes());
    }
  }

  @Test
  void layoutKernelOnSm80() throws Exception {
    Cubin c = CubinReader.parse("layout.sm_80.cubin", resource("layout.sm_80.cubin"));
    assertEquals(Architecture.SM_80, c.architecture());
    assertEquals(0x500550, c.elfFlags());
    assertEquals(List.of("tiny", "layout"), c.kernels().stream().map(CubinKernel::name).toList());
    assertEquals(Map.of(3, 256), c.constantBankBytes(), "__constant__ float table[64]");
    CubinKernel k = c.kernel("layout");
    // layout(float *out, int n, double scale, char tag, float4 v, S s)
    assertEquals(List.of(new KernelParameter(0, 0, 8), new KernelParameter(1, 8, 4),
        new KernelParameter(2, 16, 8), new KernelParameter(3, 24, 1),
        new KernelParameter(4, 32, 16), new KernelParameter(5, 48, 16)), k.parameters());
    assertEquals(0x40, k.paramBytes());
    assertEquals(0x160, k.paramBase());
    assertEquals(16, k.registerCount());
    assertEquals(1000, k.staticSharedBytes());
    assertEquals(176, k.frameBytes(), "cuobjdump STACK");
    assertEquals(176, k.minStackBytes());
    assertEquals(List.of(256, 1, 1), k.maxThreads(), "__launch_bounds__(256)");
    assertEquals(255, k.maxRegisterCount());
    assertEquals(0x400, k.textBytes());
    assertEquals(64, k.instructionCount());
    assertEquals(List.of(0x340), k.exitOffsets());
    assertEquals(Map.of(0, 0x1a0), k.constantBankBytes());
    CubinKernel tiny = c.kernel("tiny");
    assertEquals(8, tiny.registerCount());
    assertEquals(List.of(new KernelParameter(0, 0, 8)), tiny.parameters());
  }

  @Test
  void layoutKernelOnSm90AndSm90a() throws Exception {
    for (String arch : List.of("sm_90", "sm_90a")) {
      Cubin c = CubinReader.parse("layout." + arch + ".cubin", resource("layout." + arch + ".cubin"));
      assertEquals(Architecture.parse(arch), c.architecture());
      CubinKernel k = c.kernel("layout");
      assertEquals(0x210, k.paramBase());
      assertEquals(6, k.parameters().size());
      assertEquals(new KernelParameter(5, 48, 16), k.parameters().get(5));
      // sm_90 leaves sh_info's register byte 0, so this comes from EIATTR_REGCOUNT.
      assertEquals(16, k.registerCount());
      assertEquals(10, c.kernel("tiny").registerCount());
      // 1000 bytes of data plus the 1 KiB reserved below static shared memory on sm_90.
      assertEquals(2024, k.staticSharedBytes());
      assertEquals(176, k.frameBytes());
      assertEquals(Map.of(0, 592), k.constantBankBytes());
    }
  }

  @Test
  void codeWordsAreTheListingEncodings() throws Exception {
    int checked = 0;
    for (Path cubin : CorpusFiles.withSuffix(".cubin")) {
      String stem = cubin.getFileName().toString().replaceFirst("\\.cubin$", "");
      SassListing listing = SassParser.parse(cubin.resolveSibling(stem + ".sass"));
      List<KernelCode> code = CubinReader.readCode(cubin);
      assertEquals(listing.kernels().size(), code.size(), cubin.toString());
      for (KernelCode k : code) {
        Kernel listed = listing.kernel(k.name());
        assertNotNull(listed, cubin + ": " + k.name() + " not in the listing");
        assertEquals(listed.size(), k.instructionCount(), cubin + " " + k.name());
        for (int i = 0; i < k.instructionCount(); i++) {
          Instruction in = listed.instructions().get(i);
          assertEquals(in.encodingLow(), k.low(i), cubin + " " + in);
          assertEquals(in.encodingHigh(), k.high(i), cubin + " " + in);
          checked++;
        }
      }
    }
    assertTrue(checked > 10_000, "only " + checked + " instructions compared");
  }

  @Test
  void notAnElf(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("vecadd.sass");
    Files.writeString(p, "\tcode for sm_86\n");
    InputException e = assertThrows(InputException.class, () -> CubinReader.read(p));
    assertTrue(e.getMessage().startsWith(p + ": not an ELF file"), e.getMessage());
    InputException missing = assertThrows(InputException.class, () -> CubinReader.read(dir.resolve("nope.cubin")));
    assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
  }

  @Test
  void otherTargetsAreNamed() {
    InputException e = assertThrows(InputException.class, () -> CubinReader.architecture("k.cubin", 0x4b054b));
    assertTrue(e.getMessage().contains("sm_75"), e.getMessage());
    assertThrows(InputException.class, () -> CubinReader.architecture("k.cubin", 0x560d56));
  }

  @Test
  void everyTruncationIsAnInputException() throws Exception {
    byte[] whole = resource("layout.sm_80.cubin");
    int failures = 0;
    for (int n = 0; n < whole.length; n++) {
      try {
        CubinReader.parse("cut.cubin", Arrays.copyOf(whole, n));
      } catch (InputException expected) {
        assertTrue(expected.getMessage().startsWith("cut.cubin: "), expected.getMessage());
        failures++;
      }
      try {
        CubinReader.parseCode("cut.cubin", Arrays.copyOf(whole, n));
        fail("parseCode read a prefix of " + n + " bytes");
      } catch (InputException expected) {
        assertTrue(expected.getMessage().startsWith("cut.cubin: "), expected.getMessage());
      }
    }
    assertEquals(whole.length, failures, "every proper prefix is incomplete");
    InputException e = assertThrows(InputException.class, () -> CubinReader.parse("cut.cubin", Arrays.copyOf(whole, 100)));
    assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
  }

  @Test
  void randomBytesNeverEscapeAsOtherExceptions() {
    SplittableRandom random = new SplittableRandom(300);
    for (int i = 0; i < 300; i++) {
      byte[] bytes = new byte[random.nextInt(4097)];
      random.nextBytes(bytes);
      // Random bytes behind a valid ELF magic get further into the reader.
      if (i % 2 == 0 && bytes.length >= 4) {
        bytes[0] = 0x7f;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
      }
      try {
        CubinReader.parse("random.cubin", bytes);
        CubinReader.parseCode("random.cubin", bytes);
      } catch (InputException expected) {
        // the only allowed failure
      }
    }
  }

  @Test
  void corruptedCubinsNeverEscapeAsOtherExceptions() throws IOException {
    byte[] original = resource("layout.sm_80.cubin");
    SplittableRandom random = new SplittableRandom(500);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = original.clone();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      try {
        CubinReader.parse("corrupt.cubin", bytes);
        CubinReader.parseCode("corrupt.cubin", bytes);
      } catch (InputException expected) {
        // the only allowed failure
      }
    }
  }
}
