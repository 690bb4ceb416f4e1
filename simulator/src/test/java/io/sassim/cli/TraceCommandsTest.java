package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.traces.SharedTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim trace stats} and {@code sassim trace convert} on the real shared traces. */
class TraceCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static JsonNode stats(Path input) throws IOException {
    CliRun r = CliRun.of("trace", "stats", input.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void statsOfTheGtx1080VecaddMatchItsStatsCsv() throws IOException {
    Path folder = SharedTraces.require("vectoradd-gtx1080-v4/trace");
    for (Path input : List.of(folder, folder.resolve("kernelslist.g"), folder.resolve("kernel-1.traceg"))) {
      JsonNode stats = stats(input);
      assertEquals(344, stats.get("totalWarpInstructions").asLong(), input.toString());
      assertEquals(1, stats.get("kernels").size());
      JsonNode kernel = stats.get("kernels").get(0);
      assertEquals("_Z6vecAddIfEvPT_S1_S1_i", kernel.get("name").asText());
      assertEquals(344, kernel.get("warpInstructions").asLong());
    }
  }

  @Test
  void convertToNativeAndBackKeepsEveryCount() throws IOException {
    Path input = SharedTraces.require("flashinfer-gemm");
    Path nat = tmp.resolve("flashinfer.sstrace");
    Path back = tmp.resolve("back");
    assertEquals(0, CliRun.of("trace", "convert", input.toString(), nat.toString(), "--format", "native").code());
    assertEquals(0, CliRun.of("trace", "convert", nat.toString(), back.toString(), "--format", "accelsim").code());
    JsonNode original = stats(input);
    for (Path converted : List.of(nat, back)) {
      JsonNode stats = stats(converted);
      assertEquals(original.get("totalWarpInstructions"), stats.get("totalWarpInstructions"));
      assertEquals(original.get("totalThreadInstructions"), stats.get("totalThreadInstructions"));
      for (int k = 0; k < original.get("kernels").size(); k++) {
        JsonNode a = original.get("kernels").get(k);
        JsonNode b = stats.get("kernels").get(k);
        assertEquals(a.get("name"), b.get("name"));
        assertEquals(a.get("warpInstructions"), b.get("warpInstructions"));
        assertEquals(a.get("instructionMix"), b.get("instructionMix"));
        assertEquals(a.get("memory"), b.get("memory"));
      }
    }
    // The native file is smaller than the xz-compressed text it came from.
    long xzBytes = 0;
    try (var files = Files.list(input)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xz")).toList()) {
        xzBytes += Files.size(f);
      }
    }
    assertTrue(Files.size(nat) <= xzBytes, Files.size(nat) + " > " + xzBytes);
  }

  @Test
  void controlBitsFromAListingReachTheStats() throws IOException {
    Path root = SharedTraces.repoRoot();
    Path trace = tmp.resolve("vecadd");
    // A one-warp trace of the corpus vecadd, whose listing supplies the control bits.
    Files.createDirectories(trace);
    Path listing = root.resolve("traces/kernels/vecadd/vecadd.sm_80.sass");
    String kernel = Files.readAllLines(listing).stream()
        .filter(l -> l.contains("Function : "))
        .map(l -> l.substring(l.indexOf("Function : ") + 11).trim())
        .findFirst()
        .orElseThrow();
    Files.writeString(trace.resolve("kernelslist.g"), "kernel-1.traceg\n");
    Files.writeString(trace.resolve("kernel-1.traceg"), String.join("\n",
        "-kernel name = " + kernel, "-kernel id = 1", "-grid dim = (1,1,1)", "-block dim = (32,1,1)",
        "-shmem = 0", "-nregs = 8", "-binary version = 80", "-cuda stream id = 0",
        "-shmem base_addr = 0x00007f0020000000", "-local mem base_addr = 0x00007f001e000000",
        "-nvbit version = 1.7", "-accelsim tracer version = 5", "-enable lineinfo = 0", "",
        "#BEGIN_TB", "", "thread block = 0,0,0", "", "warp = 0", "insts = 1",
        "0000 ffffffff 1 R1 MOV 0 0 0", "", "#END_TB", ""));
    JsonNode without = stats(trace);
    assertFalse(without.get("kernels").get(0).get("hasControlBits").asBoolean());
    CliRun r = CliRun.of("trace", "stats", trace.toString(), "--json", "--control", listing.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(JSON.readTree(r.out()).get("kernels").get(0).get("hasControlBits").asBoolean());

    // A trace of another build: the opcode at PC 0 disagrees, and the message says where.
    Path kernelFile = trace.resolve("kernel-1.traceg");
    Files.writeString(kernelFile, Files.readString(kernelFile).replace(" MOV 0 0 0", " IMAD.MOV.U32 2 R255 R255 0 0"));
    r = CliRun.of("trace", "stats", trace.toString(), "--control", listing.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(kernelFile + ": kernel 'vecadd', PC 0x0000: the trace has IMAD.MOV.U32"), r.err());

    // Leniently, the mismatch is reported and the kernel keeps no control bits.
    r = CliRun.of("trace", "stats", trace.toString(), "--json", "--lenient-control",
        "--control", listing.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("PC 0x0000: the trace has IMAD.MOV.U32"), r.err());
    assertFalse(JSON.readTree(r.out()).get("kernels").get(0).get("hasControlBits").asBoolean());
  }

  @Test
  void badInputExitsTwoWithFileAndLine() throws IOException {
    Path original = SharedTraces.require("vectoradd-gtx1080-v4/trace/kernel-1.traceg");
    List<String> lines = Files.readAllLines(original);
    int victim = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("0098 ")) {
        victim = i;
        break;
      }
    }
    lines.set(victim, lines.get(victim).replace("ffffffff", "fffzffff"));
    Path damaged = tmp.resolve("kernel-1.traceg");
    Files.write(damaged, lines);
    for (String[] args : List.of(
        new String[] {"trace", "stats", damaged.toString()},
        new String[] {"trace", "convert", damaged.toString(), tmp.resolve("out.sstrace").toString(),
            "--format", "native"})) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code());
      assertTrue(r.err().startsWith(damaged + ":" + (victim + 1) + ": "), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertFalse(Files.exists(tmp.resolve("out.sstrace")), "no output after a failed conversion");
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(damaged), left.toList(), "no temporary files left behind");
    }
  }

  @Test
  void missingInputAndExistingOutputAreClearErrors() throws IOException {
    Path missing = tmp.resolve("nothing-here");
    CliRun r = CliRun.of("trace", "stats", missing.toString(), "--json");
    assertEquals(2, r.code());
    assertEquals(missing + ": no such file or folder", r.err().strip());

    Path input = SharedTraces.require("vectoradd-gtx1080-v4/trace");
    Path out = Files.createDirectory(tmp.resolve("taken"));
    r = CliRun.of("trace", "convert", input.toString(), out.toString(), "--format", "accelsim");
    assertEquals(2, r.code());
    assertTrue(Pattern.compile("^" + Pattern.quote(out.toString()) + ": already exists").matcher(r.err()).find(), r.err());

    r = CliRun.of("trace", "convert", input.toString(), tmp.resolve("x").toString(), "--format", "parquet");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown trace format 'parquet'"), r.err());
  }
}
