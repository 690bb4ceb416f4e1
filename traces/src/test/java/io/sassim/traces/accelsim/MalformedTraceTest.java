package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.TraceTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of real traces, each damaged in one way, fail with an {@link InputException} that names
 * the file, the line and the problem.
 */
class MalformedTraceTest {

  /** Line numbers in vectoradd-gtx1080-v4/trace/kernel-1.traceg (tracer 4, sm_61). */
  private static final int TRACER_VERSION_LINE = 12;
  private static final int BEGIN_TB_LINE = 19;
  private static final int FIRST_INSTS_LINE = 24;
  private static final int FIRST_INSTRUCTION_LINE = 25;
  /** 0098 ffffffff 1 R4 LDG.E.CG 1 R4 4 1 0x7f2b2d500000 4 */
  private static final int LDG_LINE = 39;

  private static List<String> vectorAdd;
  private static List<String> turing;
  private static List<String> flashinfer;

  @TempDir Path dir;

  /** Per test rather than per class, so that a missing ../shared shows as skipped tests. */
  @BeforeEach
  void load() throws IOException {
    if (flashinfer != null) {
      return;
    }
    vectorAdd = Files.readAllLines(
        SharedTraces.require(SharedTraces.VECTORADD).resolve("kernel-1.traceg"));
    turing = Files.readAllLines(
        SharedTraces.require(SharedTraces.TURING).resolve("kernel-1.traceg"));
    Path xz = SharedTraces.require(SharedTraces.FLASHINFER).resolve("kernel-6.traceg.xz");
    flashinfer = TraceTexts.read(xz).lines().toList();
    assertTrue(vectorAdd.get(LDG_LINE - 1).contains("LDG.E.CG 1 R4 4 1 0x7f2b2d500000 4"));
  }

  private Path write(List<String> original, Consumer<List<String>> damage) throws IOException {
    List<String> lines = new ArrayList<>(original);
    damage.accept(lines);
    Path p = dir.resolve("kernel-1.traceg");
    Files.write(p, lines);
    return p;
  }

  /** Reads all of {@code file}, expecting a failure at {@code line} that says {@code what}. */
  private static InputException failsAt(Path file, int line, String... what) {
    InputException e = assertThrows(InputException.class, () -> Kernels.read(file));
    assertEquals(file.toString(), e.file(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    for (String w : what) {
      assertTrue(e.problem().contains(w), "'" + e.problem() + "' should mention '" + w + "'");
    }
    return e;
  }

  private static void set(List<String> lines, int line, String text) {
    lines.set(line - 1, text);
  }

  /** The vector-add trace with {@code line} replaced by {@code text} fails at that line. */
  private void lineFails(int line, String text, String... what) throws IOException {
    failsAt(write(vectorAdd, l -> set(l, line, text)), line, what);
  }

  @Test
  void truncatedInsideAWarp() throws IOException {
    Path p = write(vectorAdd, l -> l.subList(30, l.size()).clear());
    failsAt(p, 30, "file ends after 6 of the 23 instructions announced at line 24");
  }

  @Test
  void truncatedBeforeEndTb() throws IOException {
    Path p = write(vectorAdd, l -> l.remove(l.size() - 1));
    failsAt(p, vectorAdd.size() - 1, "file ends inside the thread block that begins at line "
        + BEGIN_TB_LINE, "#END_TB");
  }

  @Test
  void badHexInMaskAndAddress() throws IOException {
    lineFails(FIRST_INSTRUCTION_LINE, "0008 fffffgff 1 R1 MOV 0 0",
        "active mask is not hex", "fffffgff");
    lineFails(LDG_LINE, "0098 ffffffff 1 R4 LDG.E.CG 1 R4 4 1 0x7f2b2dz00000 4",
        "base address is not hex");
    lineFails(FIRST_INSTRUCTION_LINE, "00x8 ffffffff 1 R1 MOV 0 0", "PC is not hex");
  }

  @Test
  void wrongFieldCounts() throws IOException {
    lineFails(FIRST_INSTRUCTION_LINE, "0008 ffffffff 1 R1 MOV 0",
        "line ends before the memory width");
    lineFails(FIRST_INSTRUCTION_LINE, "0008 ffffffff 1 R1 MOV 0 0 7 7", "unexpected field '7'");
    lineFails(LDG_LINE, "0098 ffffffff 1 R4 LDG.E.CG 2 R4 4 1 0x7f2b2d500000 4",
        "source register must be a register", "'4'");
    lineFails(FIRST_INSTRUCTION_LINE, "0008 ffffffff 1 R1 MOV 6 R1 R2 R3 R4 R5 R6 0",
        "source count must be in 0..5, got 6");
    lineFails(FIRST_INSTRUCTION_LINE, "0008 ffffffff 1 R256 MOV 0 0",
        "destination register must be in 0..255");
  }

  @Test
  void unknownTracerVersions() throws IOException {
    for (String version : List.of("6", "7", "garbage", "4.x", "")) {
      Path p = write(vectorAdd,
          l -> set(l, TRACER_VERSION_LINE, "-accelsim tracer version = " + version));
      failsAt(p, TRACER_VERSION_LINE, "unsupported Accel-Sim tracer version '" + version + "'");
    }
  }

  @Test
  void headerProblems() throws IOException {
    Path noGrid = write(vectorAdd, l -> l.remove(2));
    failsAt(noGrid, 14, "header has no '-grid dim = ...' line");
    lineFails(4, "-block dim = (64,32,1)", "2048 threads exceeds CUDA's 1024");
    lineFails(4, "-block dim = (0,1,1)", "-block dim component 0 is outside 1..1024");
    lineFails(3, "-grid dim = (1,1)", "-grid dim must look like (x,y,z)");
    lineFails(6, "-shmem = 0", "header key 'shmem' repeats line 5");
    lineFails(14, "hello", "expected a header line");
  }

  @Test
  void instructionCountMismatch() throws IOException {
    Path fewer = write(vectorAdd, l -> set(l, FIRST_INSTS_LINE, "insts = 22"));
    failsAt(fewer, FIRST_INSTRUCTION_LINE + 22,
        "warp 0 has more instruction lines than the 'insts =' count at line 24 says");
    Path more = write(vectorAdd, l -> set(l, FIRST_INSTS_LINE, "insts = 24"));
    failsAt(more, FIRST_INSTRUCTION_LINE + 23,
        "warp 0 has only 23 instruction lines but line 24 announces insts = 24");
  }

  @Test
  void addressCountMismatch() throws IOException {
    StringBuilder listed = new StringBuilder("0098 ffffffff 1 R4 LDG.E.CG 1 R4 4 0");
    for (int lane = 0; lane < 31; lane++) {
      listed.append(String.format(" 0x%016x", 0x7f2b2d500000L + 4 * lane));
    }
    lineFails(LDG_LINE, listed.toString(),
        "address mode 0 lists 31 addresses but mask ffffffff has 32");
    lineFails(LDG_LINE, "0098 0000000f 1 R4 LDG.E.CG 1 R4 4 2 0x7f2b2d500000 4 4",
        "address mode 2 with 4 active lanes needs 3 deltas");
    lineFails(LDG_LINE, "0098 0000ff0f 1 R4 LDG.E.CG 1 R4 4 1 0x7f2b2d500000 4",
        "address mode 1 needs one contiguous run", "0000ff0f");
    lineFails(LDG_LINE, "0098 ffffffff 1 R4 LDG.E.CG 1 R4 4 3 0x7f2b2d500000 4",
        "unknown address mode 3");
    lineFails(LDG_LINE, "0098 ffffffff 1 R4 LDG.E.CG 1 R4 4 1 0x7f2b2d500000 4294967296",
        "address stride must be in -2147483648..2147483647");
  }

  @Test
  void warpsAndBlocksOutOfPlace() throws IOException {
    lineFails(FIRST_INSTS_LINE - 1, "warp = 32",
        "warp 32 does not exist: a block of 1024 threads has 32");
    lineFails(49, "warp = 0", "warp 0 comes after warp 0");
    lineFails(21, "thread block = 1,0,0", "thread block (1,0,0) lies outside the grid (1,1,1)");
    Path stray = write(vectorAdd, l -> l.add(BEGIN_TB_LINE - 1, "0008 ffffffff 1 R1 MOV 0 0"));
    failsAt(stray, BEGIN_TB_LINE, "expected #BEGIN_TB", "post-processed");
  }

  @Test
  void legacyPrefixMustMatchItsWarp() throws IOException {
    int line = 24; // 0 0 0 0 0000 ffffffff 1 R1 MOV 0 0
    assertTrue(turing.get(line - 1).startsWith("0 0 0 0 0000"));
    Path p = write(turing, l -> set(l, line, "0 0 0 1 0000 ffffffff 1 R1 MOV 0 0 "));
    failsAt(p, line, "tagged CTA (0,0,0) warp 1 but stands in CTA (0,0,0) warp 0");
    Path immediate = write(turing, l -> set(l, line, "0 0 0 0 0000 ffffffff 1 R1 MOV 0 0 5"));
    failsAt(immediate, line, "unexpected field '5'");
  }

  @Test
  void tracerFiveLinesNeedTheirImmediate() throws IOException {
    int line = flashinfer.indexOf("0000 ffffffff 1 R1 IMAD.MOV.U32 2 R255 R255 0 0 ") + 1;
    assertTrue(line > 0);
    Path p = write(flashinfer, l -> set(l, line, "0000 ffffffff 1 R1 IMAD.MOV.U32 2 R255 R255 0"));
    failsAt(p, line, "line ends before the immediate (tracer version 5");
  }

  @Test
  void commandListProblems() throws IOException {
    Files.write(dir.resolve("kernel-1.traceg"), vectorAdd);
    Path list = dir.resolve("kernelslist.g");
    Files.write(list, List.of("MemcpyHtoD,0x00007f2b2d500000,400", "kernel-1.traceg",
        "kernel-2.traceg"));
    InputException missing = assertThrows(InputException.class, () -> AccelSimTraces.open(dir));
    assertEquals(list.toString(), missing.file());
    assertEquals(3, missing.line());
    assertTrue(missing.problem().contains("kernel trace file not found"), missing.getMessage());

    Files.write(list, List.of("MemcpyHtoD,0x00007f2b2d500000", "kernel-1.traceg"));
    InputException memcpy = assertThrows(InputException.class, () -> AccelSimTraces.open(list));
    assertEquals(1, memcpy.line());
    assertTrue(memcpy.problem().contains("expected MemcpyHtoD,0x<address>,<bytes>"));

    Files.write(list, List.of("kernel-1.trace"));
    InputException raw = assertThrows(InputException.class, () -> AccelSimTraces.open(list));
    assertTrue(raw.problem().contains("raw NVBit trace"), raw.getMessage());
    Path rawFile = Files.write(dir.resolve("kernel-1.trace"), List.of("0 0 0 0 0000 ffffffff"));
    InputException direct = assertThrows(InputException.class,
        () -> AccelSimTraces.open(rawFile));
    assertEquals(rawFile.toString(), direct.file());
    assertTrue(direct.problem().contains("post-traces-processing"), direct.getMessage());

    InputException noList = assertThrows(InputException.class,
        () -> AccelSimTraces.open(dir.resolve("nowhere")));
    assertTrue(noList.problem().contains("no such file"), noList.getMessage());
    Files.delete(list);
    InputException empty = assertThrows(InputException.class, () -> AccelSimTraces.open(dir));
    assertTrue(empty.problem().contains("folder has no kernelslist.g"), empty.getMessage());
  }

  @Test
  void corruptXz() throws IOException {
    Path p = dir.resolve("kernel-1.traceg.xz");
    Files.write(p, "not xz at all".getBytes());
    InputException e = assertThrows(InputException.class, () -> Kernels.read(p));
    assertEquals(p.toString(), e.file());
    assertTrue(e.problem().contains("cannot read as xz"), e.getMessage());
  }
}
