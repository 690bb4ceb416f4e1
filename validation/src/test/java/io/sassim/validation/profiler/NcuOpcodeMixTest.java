package io.sassim.validation.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.validation.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-opcode cells of an ncu export, and the launches of the committed H200 profile. */
class NcuOpcodeMixTest {
  static final Path DETAILS = Path.of(
      "validation/measurements/nvidia-h200/ncu-20261127T141535Z/ncu-details.csv");

  @TempDir Path dir;

  @Test
  void parsesTheTotalAndEachOpcodeWithThousandsSeparators() {
    NcuOpcodeMix m = NcuOpcodeMix.parse(
        "25,623 (ISETP: 8,536; CS2R: 4,272; IMAD: 4,270; IADD3: 4,270; BRA: 4,268; ULDC: 2;"
            + " STG: 2; LDC: 2; EXIT: 1)");
    assertEquals(25_623, m.total());
    assertEquals(8_536, m.count("ISETP"));
    assertEquals(1, m.count("EXIT"));
    assertEquals(0, m.count("FFMA"), "an opcode the cell does not list ran 0 times");
    assertEquals(m.total(), m.listedSum());
    assertEquals(List.of("ISETP", "CS2R", "IMAD", "IADD3", "BRA", "ULDC", "STG", "LDC", "EXIT"),
        List.copyOf(m.counts().keySet()), "printed order is kept");
  }

  @Test
  void aCellWithoutInstancesIsItsTotalAlone() {
    NcuOpcodeMix m = NcuOpcodeMix.parse("0");
    assertEquals(0, m.total());
    assertTrue(m.counts().isEmpty());
  }

  @Test
  void instanceNamesMayHoldDotsAndHexAddresses() {
    NcuOpcodeMix m = NcuOpcodeMix.parse(
        "3 (IMAD.MOV.U32: 2; 0x7fddff7a4c00: 1)");
    assertEquals(Map.of("IMAD.MOV.U32", 2L, "0x7fddff7a4c00", 1L), m.counts());
  }

  @Test
  void malformedCellsSayWhatIsWrong() {
    assertEquals("instance \"BRA 3\" has no \": count\"",
        assertThrows(IllegalArgumentException.class,
            () -> NcuOpcodeMix.parse("3 (BRA 3)")).getMessage());
    assertEquals("the count of BRA is not a whole number: \"x\"",
        assertThrows(IllegalArgumentException.class,
            () -> NcuOpcodeMix.parse("3 (BRA: x)")).getMessage());
    assertEquals("no closing parenthesis after the instance list",
        assertThrows(IllegalArgumentException.class,
            () -> NcuOpcodeMix.parse("3 (BRA: 3")).getMessage());
    assertEquals("the total is not a whole number: \"n/a\"",
        assertThrows(IllegalArgumentException.class,
            () -> NcuOpcodeMix.parse("n/a")).getMessage());
    assertEquals("instance BRA is listed twice",
        assertThrows(IllegalArgumentException.class,
            () -> NcuOpcodeMix.parse("6 (BRA: 3; BRA: 3)")).getMessage());
  }

  @Test
  void readsEveryLaunchOfTheCommittedH200Profile() throws InputException {
    List<NcuInstructionCounts> launches =
        NcuInstructionCounts.read(RepoFiles.root().resolve(DETAILS));
    assertEquals(80, launches.size(), "68 cases and 12 clock calibrations");
    NcuInstructionCounts jump = launches.stream().filter(l -> l.ran("jump_table")).findFirst()
        .orElseThrow();
    assertEquals(28, jump.id());
    assertEquals(2_539, jump.warpInstructions());
    assertEquals(28_113, jump.threadInstructions());
    assertEquals(2_434, jump.byOpcode().total());
    assertEquals(410, jump.byOpcode().count("STL"));
    assertEquals(2, jump.byOpcode().count("BRX"));
    assertEquals(82, jump.byMnemonic().count("BMOV.32.CLEAR"));
    assertEquals(jump.byOpcode().total(), jump.byMnemonic().total());
    // inst_executed by PC: the kernel's first instruction is at 0, the LDC R1 every warp runs.
    assertEquals(2L, jump.byPc().get(0));
    assertEquals(122L, jump.byPc().get(0x900), "BSYNC B6 of the recursive fib");
    long sum = 0;
    for (long n : jump.byPc().values()) {
      sum += n;
    }
    assertEquals(jump.byOpcode().total(), sum, "the same patching pass counts both");
  }

  @Test
  void aBrokenCellIsReportedWithFileAndLine() throws IOException {
    List<String> lines = Files.readAllLines(RepoFiles.root().resolve(DETAILS),
        StandardCharsets.UTF_8);
    Path csv = dir.resolve("broken.csv");
    // Line 4 is the second launch (a clock calibration); its per-opcode cell no longer adds up.
    lines.set(3, lines.get(3).replaceFirst("\\(ISETP: 8,536;", "(ISETP: 8,535;"));
    Files.write(csv, lines, StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> NcuInstructionCounts.read(csv));
    assertEquals(4, e.line());
    assertEquals("sass__inst_executed_per_opcode: the opcodes add up to 25622, the total says"
        + " 25623", e.problem());
  }

  @Test
  void anExportWithoutTheMetricsNamesTheMissingColumn() throws IOException {
    Path csv = dir.resolve("cycles-only.csv");
    Files.writeString(csv, "\"ID\",\"Kernel Name\",\"gpc__cycles_elapsed.max\"\n"
        + "\"\",\"\",\"cycle\"\n\"0\",\"vecadd\",\"5,000\"\n", StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> NcuInstructionCounts.read(csv));
    assertEquals(1, e.line());
    assertTrue(e.problem().startsWith("the header has no \"smsp__inst_executed.sum\" column"),
        e.problem());
  }
}
