package io.sassim.isa.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.corpus.CorpusFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchSpecLoaderTest {

  @TempDir Path dir;

  private static final String GOOD = """
      kernel: k
      binary: k.{arch}.cubin
      grid: [4, 2, 1]
      block: 128
      args:
        - name: a
          buffer: {type: f32, count: 16, init: {constant: 0}}
          output: true
        - name: n
          scalar: {type: s32, value: 16}
      """;

  /** Every spec committed in traces/kernels and validation/microbench loads, with real bytes. */
  @Test
  void everyCommittedSpecLoadsAndHasABinary() throws Exception {
    List<Path> specs = CorpusFiles.withSuffix(".launch.yaml");
    for (String dir : CorpusFiles.DIRS) {
      assertTrue(specs.stream().anyMatch(p -> p.startsWith(CorpusFiles.file(dir))),
          "no *.launch.yaml under " + CorpusFiles.file(dir));
    }
    for (Path p : specs) {
      LaunchSpec spec = LaunchSpecLoader.load(p);
      assertFalse(spec.kernel().isEmpty());
      boolean anyBinary = Arrays.stream(Architecture.values())
          .filter(spec::appliesTo)
          .anyMatch(a -> Files.isRegularFile(spec.binaryFor(a)));
      assertTrue(anyBinary, p + ": no binary exists for any target it applies to");
      for (BufferArg b : spec.buffers()) {
        assertEquals(b.byteSize(), BufferContents.build(b).length, p + " " + b.name());
      }
    }
  }

  @Test
  void theExampleInTheDocsLoads() throws Exception {
    String doc = Files.readString(CorpusFiles.file("docs/launch-spec.md"));
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertTrue(m.find(), "docs/launch-spec.md has a yaml example");
    LaunchSpec spec = LaunchSpecLoader.load(write("example.launch.yaml", m.group(1)));
    assertEquals("vecadd", spec.kernel());
    assertEquals(new Dim3(256, 1, 1), spec.grid());
    assertEquals(4, spec.args().size());
    BufferArg c = (BufferArg) spec.args().get(2);
    assertTrue(c.output());
    assertEquals(new ScalarArg("n", ElementType.S32, 65536L), spec.args().get(3));
  }

  @Test
  void readsFieldsAndDefaults() throws Exception {
    LaunchSpec spec = LaunchSpecLoader.load(write("k.launch.yaml", GOOD));
    assertEquals(new Dim3(4, 2, 1), spec.grid());
    assertEquals(new Dim3(128, 1, 1), spec.block());
    assertEquals(0, spec.dynamicSharedBytes());
    assertEquals(1, spec.repeat());
    assertTrue(spec.archs().isEmpty());
    assertEquals(dir.resolve("k.sm_90.cubin"), spec.binaryFor(Architecture.SM_90));
    assertEquals(dir.resolve("k.sm_90a.cubin"), spec.binaryFor(Architecture.SM_90A));
    assertTrue(spec.clocksBuffer().isEmpty());
  }

  @Test
  void clocksImpliesOutputAndArchsRestrict() throws Exception {
    LaunchSpec spec = LaunchSpecLoader.load(write("m.launch.yaml", """
        kernel: m
        binary: m.{arch}.cubin
        archs: [sm_90a]
        grid: 1
        block: [32]
        repeat: 3
        args:
          - name: clocks
            buffer: {type: u64, count: 4, init: {constant: 0}}
            clocks: true
        """));
    BufferArg clocks = spec.clocksBuffer().orElseThrow();
    assertTrue(clocks.output());
    assertEquals(3, spec.repeat());
    assertTrue(spec.appliesTo(Architecture.SM_90A));
    assertFalse(spec.appliesTo(Architecture.SM_90));
  }

  @Test
  void pointerChaseTakesThePointerFormOnU64() throws Exception {
    String spec = GOOD.replace("type: f32, count: 16, init: {constant: 0}",
        "type: u64, count: 16, init: {pointerChase: {strideBytes: 16, randomSeed: 3, pointers: true}}");
    BufferArg a = LaunchSpecLoader.load(write("p.launch.yaml", spec)).buffers().get(0);
    assertEquals(new Initializer.PointerChase(16, OptionalLong.of(3), true), a.init());
    assertTrue(a.holdsAddresses());
    BufferArg indices = LaunchSpecLoader.load(write("i.launch.yaml",
        spec.replace(", pointers: true", ""))).buffers().get(0);
    assertEquals(new Initializer.PointerChase(16, OptionalLong.of(3), false), indices.init());
    assertFalse(indices.holdsAddresses());
  }

  @Test
  void fileInitializerMustMatchTheBufferSize() throws Exception {
    Files.write(dir.resolve("data.bin"), new byte[12]);
    String spec = GOOD.replace("{constant: 0}", "{file: data.bin}");
    InputException e = assertThrows(InputException.class,
        () -> LaunchSpecLoader.load(write("f.launch.yaml", spec)));
    assertEquals(7, e.line());
    assertTrue(e.problem().startsWith("args[0].buffer.init.file: data.bin has 12 bytes"),
        e.getMessage());
    Files.write(dir.resolve("data.bin"), new byte[64]);
    BufferArg a = LaunchSpecLoader.load(write("f.launch.yaml", spec)).buffers().get(0);
    assertEquals(new Initializer.FromFile(dir.resolve("data.bin")), a.init());
  }

  /** Each row: a replacement applied to GOOD, the expected line, the expected message start. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kernel: k|kernell: k|1|kernell: unknown key",
      "block: 128|block: [128, 2]|4|block: needs one or three integers, got 2",
      "block: 128|block: [2048]|4|block.x: must be in 1..1024, got 2048",
      "block: 128|block: [64, 64, 1]|4|block: at most 1024 threads per block, got 4096",
      "grid: [4, 2, 1]|grid: [4, 0, 1]|3|grid.y: must be in 1..65535, got 0",
      "grid: [4, 2, 1]|grid: four|3|grid.x: expected an integer, got text 'four'",
      "binary: k.{arch}.cubin|binary: k.{sm}.cubin|2|binary: the only placeholder is {arch}",
      "count: 16|count: 0|7|args[0].buffer.count: must be in 1..",
      "type: f32|type: float|7|args[0].buffer.type: unknown element type 'float'",
      "{constant: 0}|{constant: 0, iota: {start: 0}}|7|args[0].buffer.init: needs exactly one of",
      "{constant: 0}|{iota: {start: 0, stp: 1}}|7|args[0].buffer.init.iota.stp: unknown key",
      "{constant: 0}|{pointerChase: {strideBytes: 64}}|7|args[0].buffer.init.pointerChase: needs a u32 or u64 buffer",
      "type: f32, count: 16, init: {constant: 0}|type: u32, count: 16, init: {pointerChase: {strideBytes: 8, pointers: true}}|7|args[0].buffer.init.pointerChase.pointers: device addresses need a u64 buffer, got u32",
      "type: f32, count: 16, init: {constant: 0}|type: u64, count: 16, init: {pointerChase: {strideBytes: 8, pointers: 1}}|7|args[0].buffer.init.pointerChase.pointers: expected true or false",
      "{constant: 0}|{random: {seed: 1, distribution: gauss}}|7|args[0].buffer.init.random.distribution: must be uniform or normal",
      "{constant: 0}|{random: {seed: 1, min: 1.0, max: 0.5}}|7|args[0].buffer.init.random.max: must be greater than min",
      "{constant: 0}|{random: {seed: 1, min: 0.0}}|7|args[0].buffer.init.random.max: missing (required)",
      "{constant: 0}|{file: nothere.bin}|7|args[0].buffer.init.file: no such file",
      "output: true|output: yes please|8|args[0].output: expected true or false",
      "value: 16}|value: 3000000000}|10|args[1].scalar.value: 3000000000 is out of range for s32",
      "value: 16}|value: 1.5}|10|args[1].scalar.value: expected an integer for s32, got a number",
      "scalar: {type: s32, value: 16}|scalar: {type: s32}|10|args[1].scalar.value: missing (required)",
      "- name: n|- name: a|9|args[1].name: duplicate argument name 'a'",
      "scalar: {type: s32, value: 16}|output: true|9|args[1]: needs exactly one of 'scalar' or 'buffer'",
      "args:|arguments:|5|arguments: unknown key",
  })
  void malformedSpecsNameFileLineAndField(String from, String to, int line, String message)
      throws IOException {
    assertTrue(GOOD.contains(from), from);
    Path p = write("bad.launch.yaml", GOOD.replace(from, to));
    InputException e = assertThrows(InputException.class, () -> LaunchSpecLoader.load(p));
    assertEquals(p.toString(), e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.problem().startsWith(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
  }

  @Test
  void missingTopLevelFieldNamesIt() throws IOException {
    Path p = write("nogrid.launch.yaml", GOOD.replace("grid: [4, 2, 1]\n", ""));
    InputException e = assertThrows(InputException.class, () -> LaunchSpecLoader.load(p));
    assertEquals("grid: missing (required)", e.problem());
  }

  @Test
  void yamlSyntaxAndDuplicateKeysAreInputErrors() throws IOException {
    Path broken = write("broken.launch.yaml", "kernel: k\ngrid: [1, 2\nblock: 1\n");
    InputException e = assertThrows(InputException.class, () -> LaunchSpecLoader.load(broken));
    assertTrue(e.problem().startsWith("not valid YAML"), e.getMessage());
    assertTrue(e.line() > 0, e.getMessage());
    Path dup = write("dup.launch.yaml", GOOD + "kernel: again\n");
    e = assertThrows(InputException.class, () -> LaunchSpecLoader.load(dup));
    assertEquals(11, e.line(), e.getMessage());
    assertEquals("duplicate key 'kernel'", e.problem());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
