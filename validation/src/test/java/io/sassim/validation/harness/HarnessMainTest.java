package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.validation.RepoFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HarnessMainTest {

  private static HarnessMain parse(String... args) {
    HarnessMain m = new HarnessMain();
    new CommandLine(m).parseArgs(args);
    return m;
  }

  @Test
  void defaults() {
    HarnessMain m = parse();
    assertEquals(List.of(Architecture.SM_90, Architecture.SM_90A), m.archs);
    assertEquals(10, m.runs);
    assertEquals(2, m.warmup);
    assertEquals(30.0, m.caseTimeoutS);
    assertEquals(0.0, m.budgetS);
    CaptureSession.Config c = m.config();
    assertEquals(List.of(Path.of("traces/kernels"), Path.of("validation/microbench")), c.roots());
    assertEquals(false, c.dryRun());
    assertEquals(c.repoRoot().resolve("validation/measurements"), c.outDir(),
        "captures go to validation/measurements/<gpu>/ unless --out says otherwise");
  }

  @Test
  void optionsAndPositionalRoots() {
    HarnessMain m = parse("--arch", "sm_86", "--out", "/tmp/o", "--runs", "5", "--warmup", "0",
        "--only", "*vecadd*", "--only", "validation/**", "--dry-run", "--budget", "400",
        "--repo-root", "/r", "--source-rev", "abc123", "traces/kernels");
    CaptureSession.Config c = m.config();
    assertEquals(List.of(Architecture.SM_86), c.archs());
    assertEquals(Path.of("/tmp/o"), c.outDir());
    assertEquals(5, c.runs());
    assertEquals(0, c.warmup());
    assertEquals(List.of("*vecadd*", "validation/**"), c.only());
    assertTrue(c.dryRun());
    assertEquals(400.0, c.budgetS());
    assertEquals(Path.of("/r"), c.repoRoot());
    assertEquals("abc123", c.sourceRevision());
    assertEquals(List.of(Path.of("traces/kernels")), c.roots());
  }

  @Test
  void badInputExitsTwoWithAMessage() {
    assertEquals(2, run("--arch", "sm_70", "--dry-run").exit);
    assertTrue(run("--arch", "sm_70", "--dry-run").err.contains("unknown target 'sm_70'"));
    assertEquals(2, run("--runs", "0", "--dry-run").exit);
    assertEquals(2, run("--runs", "many").exit);
    Result missingRoot = run("--dry-run", "--repo-root", RepoFiles.root().toString(), "no/such/dir");
    assertEquals(2, missingRoot.exit);
    assertTrue(missingRoot.err.contains("no/such/dir: no such folder"), missingRoot.err);
    Result badGlob = run("--dry-run", "--repo-root", RepoFiles.root().toString(), "--only", "[");
    assertEquals(2, badGlob.exit);
    assertTrue(badGlob.err.startsWith("--only: not a glob: '['"), badGlob.err);
  }

  @Test
  void aMissingDriverIsReportedByItsDeepestCause() {
    String jcuda = "Error while loading native library \"JCudaDriver-12.0.0-linux-x86_64\"\n"
        + "Stack trace from the attempt to load the library as a file:\n"
        + "java.lang.UnsatisfiedLinkError: no JCudaDriver-12.0.0-linux-x86_64 in java.library.path\n"
        + "\tat java.base/java.lang.ClassLoader.loadLibrary(ClassLoader.java:2434)\n"
        + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver.so: libcuda.so.1: cannot open shared"
        + " object file: No such file or directory\n"
        + "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)\n";
    assertEquals("java.lang.UnsatisfiedLinkError: Error while loading native library"
            + " \"JCudaDriver-12.0.0-linux-x86_64\" (/tmp/libJCudaDriver.so: libcuda.so.1: cannot"
            + " open shared object file: No such file or directory)",
        HarnessMain.briefly(new UnsatisfiedLinkError(jcuda)));
    assertEquals("java.lang.IllegalStateException: one line",
        HarnessMain.briefly(new IllegalStateException("one line")));
  }

  record Result(int exit, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
    HarnessMain main = new HarnessMain(err);
    CommandLine cl = HarnessMain.commandLine(main);
    cl.setErr(new java.io.PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, buf.toString(StandardCharsets.UTF_8));
  }
}
