package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim trace LAUNCH.yaml -o OUT} and {@code sassim emulate LAUNCH.yaml --dump OUTDIR}. */
class EmulationCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static Path repo() {
    String root = System.getProperty("sassim.repoRoot");
    return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
  }

  private static Path spec(String name) {
    return repo().resolve("traces/kernels/" + name + "/" + name + ".launch.yaml");
  }

  @Test
  void traceOfALaunchIsReadableByTraceStats() throws Exception {
    Path out = tmp.resolve("reduce");
    CliRun r = CliRun.of("trace", spec("reduce_sum").toString(), "-o", out.toString(), "--arch", "sm_89");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("101248 warp instructions"), r.out());
    CliRun stats = CliRun.of("trace", "stats", out.toString(), "--json");
    assertEquals(0, stats.code(), stats.err());
    JsonNode json = JSON.readTree(stats.out());
    assertEquals(101248, json.get("totalWarpInstructions").asLong());
    JsonNode kernel = json.get("kernels").get(0);
    assertEquals("reduce_sum", kernel.get("name").asText());
    assertEquals(89, kernel.get("binaryVersion").asInt());
    assertEquals(128, kernel.get("ctas").asInt());
  }

  @Test
  void nativeTraceKeepsControlBits() throws Exception {
    Path out = tmp.resolve("vecadd.sstrace");
    CliRun r = CliRun.of("trace", spec("vecadd").toString(), "-o", out.toString(), "--format", "native");
    assertEquals(0, r.code(), r.err());
    JsonNode json = JSON.readTree(CliRun.of("trace", "stats", out.toString(), "--json").out());
    assertEquals(32768, json.get("totalWarpInstructions").asLong());
    assertTrue(json.get("kernels").get(0).get("hasControlBits").asBoolean(), json.toString());
  }

  @Test
  void emulateDumpsEveryOutputBuffer() throws Exception {
    Path out = tmp.resolve("dump");
    CliRun r = CliRun.of("emulate", spec("vecadd").toString(), "--dump", out.toString());
    assertEquals(0, r.code(), r.err());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(1, files.count(), "only c is an output");
    }
    LaunchSpec spec = LaunchSpecLoader.load(spec("vecadd"));
    ByteBuffer a = le(BufferContents.build(buffer(spec, "a")));
    ByteBuffer b = le(BufferContents.build(buffer(spec, "b")));
    ByteBuffer want = ByteBuffer.allocate(a.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < a.capacity(); i += 4) {
      want.putFloat(i, a.getFloat(i) + b.getFloat(i));
    }
    assertArrayEquals(want.array(), Files.readAllBytes(out.resolve("c.bin")));
  }

  @Test
  void unsupportedInstructionExitsTwoAndLeavesNothing() throws Exception {
    Path trace = tmp.resolve("printf-trace");
    Path dump = tmp.resolve("printf-dump");
    CliRun r = CliRun.of("trace", spec("printf_call").toString(), "-o", trace.toString(), "--arch", "sm_86");
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("printf_call.sm_86.sass:56: kernel printf_call, PC 0x170 (LEPC R2)"), r.err());
    assertTrue(r.err().contains("unsupported instruction LEPC"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    CliRun e = CliRun.of("emulate", spec("printf_call").toString(), "--dump", dump.toString());
    assertEquals(Main.EXIT_BAD_INPUT, e.code());
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(0, files.count(), "no output and no temporary folder");
    }
  }

  @Test
  void traceStillHasItsSubcommandsAndNeedsAnOutput() {
    CliRun r = CliRun.of("trace", spec("vecadd").toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("-o OUT"), r.err());
    assertTrue(CliRun.of("trace").out().contains("stats"));
  }

  private static BufferArg buffer(LaunchSpec s, String name) {
    return s.buffers().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
