package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim sass} through {@link Main#execute}, on real corpus listings and damaged copies. */
class SassCommandTest {

  private static final Path ROOT =
      Path.of(System.getProperty("sassim.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path SAXPY = ROOT.resolve("traces/kernels/saxpy/saxpy.sm_86.sass");
  private static final Path VECADD_CUBIN = ROOT.resolve("traces/kernels/vecadd/vecadd.sm_90.cubin");

  @TempDir Path tmp;

  private static List<String> corpusListings() throws IOException {
    List<String> out = new ArrayList<>();
    for (String d : new String[] {"traces/kernels", "validation/microbench"}) {
      try (Stream<Path> s = Files.walk(ROOT.resolve(d))) {
        s.filter(p -> p.toString().endsWith(".sass")).sorted().forEach(p -> out.add(p.toString()));
      }
    }
    return out;
  }

  @Test
  void checkOverTheWholeCorpus() throws IOException {
    List<String> args = new ArrayList<>(List.of("sass", "--check"));
    List<String> files = corpusListings();
    args.addAll(files);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals("", r.err());
    assertEquals(0, r.code());
    assertTrue(r.out().matches("checked \\d+ instructions in \\d+ kernels, 0 unknown\\R"), r.out());
    int kernels = Integer.parseInt(r.out().replaceAll(".* in (\\d+) kernels.*\\R", "$1"));
    assertTrue(kernels >= files.size(), r.out());
  }

  @Test
  void printsControlColumnAndUnitPerInstruction() {
    CliRun r = CliRun.of("sass", SAXPY.toString());
    assertEquals(0, r.code());
    List<String> lines = r.out().lines().toList();
    assertEquals("saxpy  sm_86  24 instructions  (" + SAXPY + ")", lines.get(0));
    assertEquals("  /*0030*/  B0-----:R-:W-:Y:S05  FP32         IMAD R4, R4, c[0x0][0x0], R3 ;", lines.get(4));
    assertEquals("  /*00a0*/  B------:R-:W2:-:S04  MEMORY       LDG.E.CONSTANT R2, [R2.64] ;", lines.get(11));
    assertEquals(1 + 24 + 1, lines.size());
  }

  @Test
  void kernelFilter() {
    CliRun r = CliRun.of("sass", "--check", "--kernel", "saxpy", SAXPY.toString());
    assertEquals("checked 24 instructions in 1 kernels, 0 unknown\n", r.out().replace("\r", ""));
    CliRun none = CliRun.of("sass", "--kernel", "nosuch", SAXPY.toString());
    assertEquals(2, none.code());
    assertEquals(SAXPY + ": no kernel named 'nosuch'", none.err().strip());
  }

  private Path damaged(String name, java.util.function.UnaryOperator<List<String>> edit) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SAXPY));
    Path p = tmp.resolve(name);
    Files.write(p, edit.apply(lines));
    return p;
  }

  private static void assertOneLineError(CliRun r, Path file, int line, String problemStart) {
    assertEquals(2, r.code());
    assertEquals("", r.out());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).startsWith(file + ":" + line + ": " + problemStart), err.get(0));
  }

  @Test
  void malformedListingExitsTwo() throws IOException {
    Path p = damaged("malformed.sass", l -> {
      l.set(15, l.get(15).replace("IMAD R4, R4,", "IMAD R4,, R4,"));
      return l;
    });
    assertOneLineError(CliRun.of("sass", "--check", p.toString()), p, 16, "empty operand");
  }

  @Test
  void unknownArchitectureExitsTwo() throws IOException {
    Path p = damaged("sm75.sass", l -> {
      l.replaceAll(s -> s.replace("sm_86", "sm_75"));
      return l;
    });
    assertOneLineError(CliRun.of("sass", p.toString()), p, 4, "unknown architecture 'sm_75'");
  }

  @Test
  void truncatedFileExitsTwo() throws IOException {
    // Cut after the low word of the instruction at 0x50 (line 20)...
    Path p = damaged("truncated.sass", l -> new ArrayList<>(l.subList(0, 20)));
    assertOneLineError(CliRun.of("sass", "--check", p.toString()), p, 20, "truncated listing");
    // ...and cleanly between two instructions: the closing dotted line is missing.
    Path q = damaged("cut.sass", l -> new ArrayList<>(l.subList(0, 19)));
    assertOneLineError(CliRun.of("sass", "--check", q.toString()), q, 19, "truncated listing: function 'saxpy'");
  }

  /** An encoding-only line pair parses but counts as unknown: --check exits 1. */
  @Test
  void unprintedInstructionCountsAsUnknown() throws IOException {
    Path p = damaged("unprinted.sass", l -> {
      String s = l.get(15);
      l.set(15, " ".repeat(60) + s.substring(s.lastIndexOf("/*")));
      return l;
    });
    CliRun r = CliRun.of("sass", "--check", p.toString());
    assertEquals(1, r.code());
    assertEquals("checked 24 instructions in 1 kernels, 1 unknown", r.out().strip());
    assertTrue(r.err().startsWith(p + ":16: unknown opcode"), r.err());
  }

  @Test
  void cubinFallsBackToItsCommittedListing() throws IOException {
    CliRun r = CliRun.of("sass", "--check", "--cuobjdump", "none", VECADD_CUBIN.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("checked 32 instructions in 1 kernels, 0 unknown", r.out().strip());

    // The listing view of a cubin adds what only the ELF knows: resources and parameter layout.
    CliRun full = CliRun.of("sass", "--cuobjdump", "none", VECADD_CUBIN.toString());
    assertEquals(0, full.code(), full.err());
    assertTrue(full.out().contains(
        "  registers 12, shared 0 B, stack 0 B, 4 parameters (28 B at c[0x0][0x210])"), full.out());

    // A cubin that differs from the one the listing was made from.
    Path cubin = tmp.resolve("vecadd.sm_90.cubin");
    byte[] bytes = Files.readAllBytes(VECADD_CUBIN);
    bytes[bytes.length - 1] ^= 1;
    Files.write(cubin, bytes);
    Files.copy(ROOT.resolve("traces/kernels/vecadd/vecadd.sm_90.sass"), tmp.resolve("vecadd.sm_90.sass"));
    CliRun stale = CliRun.of("sass", "--cuobjdump", "none", cubin.toString());
    assertEquals(2, stale.code());
    assertTrue(stale.err().contains("scripts/sass-toolchain.sh"), stale.err());
    assertTrue(stale.err().startsWith(cubin + ": "), stale.err());
    assertFalse(stale.err().contains("\tat "), stale.err());
  }

  @Test
  void cubinThroughCuobjdump() {
    assumeTrue(CubinDisassembler.findCuobjdump() != null, "no cuobjdump on this machine");
    CliRun r = CliRun.of("sass", VECADD_CUBIN.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("/*00d0*/  B------:R-:W3:-:S01  MEMORY       LDG.E.CONSTANT R3, desc[UR4][R2.64] ;"), r.out());
  }
}
