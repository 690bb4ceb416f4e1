package io.sassim.traces.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.hash.Hashing;
import io.sassim.isa.InputException;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.ListingHeader;
import io.sassim.isa.sass.SassParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed corpus: outputs match their sources, specs match their kernels, coverage holds. */
class CorpusTest {


  private static Path repo;
  private static Corpus corpus;

  @BeforeAll
  static void load() throws InputException {
    String root = System.getProperty("sassim.repoRoot");
    assertTrue(root != null && !root.isEmpty(), "surefire must set sassim.repoRoot");
    repo = Path.of(root);
    corpus = Corpus.load(repo);
  }

  @Test
  void findsWorkloadsMicrobenchmarksAndHopperOnlyKernels() throws InputException {
    assertTrue(corpus.kernels().size() >= 55, "corpus shrank: " + corpus.kernels());
    assertEquals(Corpus.DEFAULT_ARCHS, corpus.kernel("vecadd").orElseThrow().archs());
    assertEquals(List.of("sm_90a"), corpus.kernel("wgmma_tile").orElseThrow().archs());
    assertEquals(List.of("sm_90"), corpus.kernel("cluster_exchange").orElseThrow().archs());
    assertEquals(List.of("sm_89", "sm_90"), corpus.kernel("fp8_convert").orElseThrow().archs());
    assertEquals(List.of("sm_90"), corpus.kernel("hopper_misc").orElseThrow().archs());
    assertEquals(List.of("sm_90a"), corpus.kernel("setmaxnreg").orElseThrow().archs());
    assertEquals(4, corpus.kernel("mem_issue").orElseThrow().launchSpecs().size());
    assertEquals(4, corpus.kernel("stall_yield").orElseThrow().launchSpecs().size());
    assertEquals(2, corpus.kernel("spmv_csr").orElseThrow().launchSpecs().size());
    assertEquals(1, corpus.kernel("clock_rate").orElseThrow().launchSpecs().size());
    assertTrue(Files.isRegularFile(corpus.listing("sgemm_tiled", "sm_86")));
  }

  @Test
  void everyListingAndCubinBelongsToTheCurrentSource() throws Exception {
    List<String> problems = new ArrayList<>();
    for (CorpusKernel k : corpus.kernels()) {
      String sourceSha = sha256(k.source());
      for (String arch : k.archs()) {
        Path listing = k.listing(arch), cubin = k.cubin(arch);
        if (!Files.isRegularFile(listing) || !Files.isRegularFile(cubin)) {
          problems.add(k.name() + " " + arch + ": listing or cubin missing");
          continue;
        }
        ListingHeader h = ListingHeader.of(SassParser.parse(listing));
        if (!h.sourceSha256().equals(sourceSha)) {
          problems.add(repo.relativize(listing) + ": older than its source");
        }
        if (!h.cubinSha256().equals(sha256(cubin))) {
          problems.add(repo.relativize(listing) + ": not disassembled from " + cubin.getFileName());
        }
        if (!h.arch().equals(arch) || !h.sourcePath().equals(repo.relativize(k.source()).toString())) {
          problems.add(repo.relativize(listing) + ": header names " + h.sourcePath() + " " + h.arch());
        }
        // Everything in the corpus comes from one toolchain, so cycle tests compare like with like.
        if (!h.tools().contains("ptxas 12.4.")) {
          problems.add(repo.relativize(listing) + ": built with " + h.tools());
        }
      }
    }
    assertTrue(problems.isEmpty(), "run scripts/sass-toolchain.sh:\n" + String.join("\n", problems));
  }

  @Test
  void everyKernelHasLaunchSpecsThatNameAFunctionOfItsBinary() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> problems = new ArrayList<>();
    for (CorpusKernel k : corpus.kernels()) {
      if (k.launchSpecs().isEmpty()) {
        problems.add(k.name() + ": no launch spec");
      }
      for (Path spec : k.launchSpecs()) {
        JsonNode root = yaml.readTree(spec.toFile());
        String kernel = root.path("kernel").asText();
        String binary = root.path("binary").asText();
        int args = root.path("args").size();
        if (kernel.isEmpty() || !binary.contains("{arch}") || args == 0) {
          problems.add(spec.getFileName() + ": needs kernel, binary with {arch}, and args");
          continue;
        }
        for (String arch : k.archs()) {
          Path bin = spec.resolveSibling(binary.replace("{arch}", arch));
          if (!Files.isRegularFile(bin)) {
            problems.add(spec.getFileName() + ": " + bin.getFileName() + " does not exist");
          }
          if (!Files.readString(k.listing(arch)).contains("Function : " + kernel + "\n")) {
            problems.add(spec.getFileName() + ": no function '" + kernel + "' in " + arch + " listing");
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void corpusExercisesTheInstructionFamiliesTheModelDistinguishes() throws InputException {
    Set<String> everywhere = Set.of(
        // FP32, FP16x2, FP64, special functions and the division slow-path check
        "FFMA", "FADD", "FMUL", "FSETP", "HFMA2", "DFMA", "DADD", "MUFU", "FCHK", "F2FP",
        // integer datapath
        "IMAD", "IADD3", "LOP3", "SHF", "LEA", "PRMT", "POPC", "FLO", "BREV", "ISETP", "SEL",
        // tensor cores and matrix loads
        "HMMA", "LDSM",
        // memory: global, shared, asynchronous copies, atomics
        "LDG", "STG", "LDS", "STS", "LDGSTS", "LDGDEPBAR", "DEPBAR", "ATOMS",
        // warp-level and CTA-level
        "SHFL", "VOTE", "VOTEU", "MATCH", "REDUX", "BAR",
        // control flow, reconvergence and the clock
        "BSSY", "BSYNC", "BRA", "CALL", "RET", "EXIT", "CS2R", "S2R",
        // global atomics (CAS retry loops, BFS frontier), float min/max, integer abs and
        // conversions (software division), scheduler yield in spin loops, divergent-warp sync
        "ATOMG", "FMNMX", "IABS", "I2F", "F2I", "YIELD", "WARPSYNC");
    Map<String, Set<String>> required = new TreeMap<>();
    for (String arch : Corpus.DEFAULT_ARCHS) {
      required.put(arch, new TreeSet<>(everywhere));
    }
    required.get("sm_90").addAll(Set.of("SYNCS", "UBLKCP", "ELECT", "UCGABAR_ARV", "UCGABAR_WAIT"));
    required.put("sm_90a", new TreeSet<>(Set.of("HGMMA", "WARPGROUP")));

    for (Map.Entry<String, Set<String>> e : required.entrySet()) {
      Set<String> seen = opcodeFamilies(e.getKey());
      Set<String> missing = new TreeSet<>(e.getValue());
      missing.removeAll(seen);
      assertTrue(missing.isEmpty(), e.getKey() + " corpus lacks " + missing);
    }
  }

  @Test
  void corpusExercisesSpecificFormsOnEveryDefaultTarget() throws IOException, InputException {
    // Opcode prefixes (mnemonic plus modifiers) that single corpus kernels were written to produce.
    List<String> forms = List.of(
        "ATOMG.E.CAS",   // cas_loop, bfs_step: compare-and-swap retry loops
        "ATOMG.E.ADD",   // bfs_step: frontier slot allocation (warp-aggregated)
        "SHFL.UP",       // scan
        "BRA.DIV",       // scan: shuffles under divergence take a uniform-warp check
        "HFMA2.BF16",    // bf16_convert
        "F2FP.BF16",     // bf16_convert: float pairs packed to bf16x2
        "I2F.U64",       // int64_math: the 64-bit division subroutine's reciprocal estimate
        "LDS.128",       // nbody_step: float4 shared tile
        "MUFU.RSQ",      // nbody_step, alu_latency
        // decoder-stress kernels: forms whose operands needed new parser or width rules, and the
        // indirect control flow, SIMD and tensor variants they were written for
        "BMMA.168256",   // mma_variants: b1 fragments
        "HMMA.1684",     // mma_variants: tf32 m16n8k4
        "IDP.4A",        // simd_video: __dp4a
        "BRX",           // jump_table: brx.idx through a constant-bank table
        "CALL.ABS.NOINC", // printf_call: vprintf
        "BPT.TRAP",      // warp_intrinsics: __trap()
        "BAR.RED.POPC",  // barrier_variants: __syncthreads_count
        "MUFU.RCP64H",   // fp64_special: double division
        "MOVM",          // matrix_move: movmatrix
        "HSETP2",        // half_ops: |R|.reuse.H0_H0 operands
        "LDL");          // local_array
    for (String arch : Corpus.DEFAULT_ARCHS) {
      Set<String> opcodes = opcodes(arch);
      for (String form : forms) {
        assertTrue(opcodes.stream().anyMatch(op -> op.startsWith(form)), arch + " corpus lacks " + form);
      }
      // clock_rate reads the nanosecond timer next to the cycle counter.
      assertTrue(Files.readString(corpus.listing("clock_rate", arch)).contains("SR_GLOBALTIMERLO"),
          arch + " clock_rate does not read SR_GLOBALTIMERLO");
    }
  }

  @Test
  void unknownKernelOrTargetIsAnInputError() {
    InputException unknown = assertThrows(InputException.class, () -> corpus.listing("no_such", "sm_80"));
    assertTrue(unknown.getMessage().contains("no corpus kernel named 'no_such'"), unknown.getMessage());
    InputException target = assertThrows(InputException.class, () -> corpus.listing("wgmma_tile", "sm_80"));
    assertTrue(target.getMessage().contains("built only for [sm_90a]"), target.getMessage());
  }

  @Test
  void badArchsTagNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path k = Files.createDirectories(dir.resolve("traces/kernels/k"));
    Files.writeString(k.resolve("k.cu"), "// a kernel\n// sassim-archs: volta\n");
    InputException e = assertThrows(InputException.class, () -> Corpus.load(dir));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(k.resolve("k.cu") + ":2: "), e.getMessage());
  }

  @Test
  void listingWithoutHeaderIsAnInputError(@TempDir Path dir) throws IOException, InputException {
    // A real listing as raw cuobjdump prints it, without the toolchain's provenance lines.
    Path listing = dir.resolve("x.sm_80.sass");
    List<String> raw = new ArrayList<>(Files.readAllLines(corpus.listing("vecadd", "sm_80")));
    raw.removeIf(line -> line.startsWith("// sassim:"));
    Files.write(listing, raw);
    InputException e =
        assertThrows(InputException.class, () -> ListingHeader.of(SassParser.parse(listing)));
    assertTrue(e.getMessage().contains("sass-toolchain.sh"), e.getMessage());
  }

  @Test
  void specVariantsBelongOnlyToTheirOwnKernel(@TempDir Path dir) throws Exception {
    Path k = Files.createDirectories(dir.resolve("validation/microbench/chase"));
    Files.writeString(k.resolve("chase.cu"), "");
    Files.writeString(k.resolve("chase.cu.bak"), "");
    for (String f : List.of("chase.launch.yaml", "chase.l1.launch.yaml", "chase.a.b.launch.yaml",
        "chaser.launch.yaml")) {
      Files.writeString(k.resolve(f), "");
    }
    CorpusKernel chase = Corpus.load(dir).kernels().get(0);
    assertEquals(List.of(k.resolve("chase.l1.launch.yaml"), k.resolve("chase.launch.yaml")),
        chase.launchSpecs());
    assertFalse(chase.builtFor("sm_90a"));
  }

  /** Opcode families (the mnemonic before its first dot) in every listing built for {@code arch}. */
  private static Set<String> opcodeFamilies(String arch) throws InputException {
    Set<String> seen = new TreeSet<>();
    for (String op : opcodes(arch)) {
      int dot = op.indexOf('.');
      seen.add(dot < 0 ? op : op.substring(0, dot));
    }
    return seen;
  }

  /** Full opcodes with modifiers (LDG.E.CONSTANT) in every listing built for {@code arch}. */
  private static Set<String> opcodes(String arch) throws InputException {
    Set<String> seen = new TreeSet<>();
    for (CorpusKernel k : corpus.kernels()) {
      if (!k.builtFor(arch)) {
        continue;
      }
      for (Kernel kernel : SassParser.parse(k.listing(arch)).kernels()) {
        for (Instruction in : kernel.instructions()) {
          seen.add(in.mnemonic());
        }
      }
    }
    if (seen.isEmpty()) {
      fail("no instructions found in " + arch + " listings");
    }
    return seen;
  }

  private static String sha256(Path file) throws IOException {
    return Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString();
  }
}
