package io.sassim.isa.emu;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs every corpus launch on every target; prints one line each. Not a test: a tool. */
public final class CorpusSweep {
  public static void main(String[] args) throws Exception {
    List<Path> specs = CorpusFiles.withSuffix(".launch.yaml");
    for (Path p : specs) {
      if (args.length > 0 && !p.toString().contains(args[0])) {
        continue;
      }
      LaunchSpec spec = LaunchSpecLoader.load(p);
      for (Architecture a : Architecture.values()) {
        if (!spec.appliesTo(a) || !Files.exists(spec.binaryFor(a))) {
          continue;
        }
        long t0 = System.nanoTime();
        String status;
        try {
          Emulator e = Emulator.forLaunch(spec, a);
          EmulationResult r = e.run(null);
          status = "OK " + r.warpInstructions() + " warp insts";
        } catch (InputException e) {
          status = "FAIL " + e.getMessage();
        } catch (Throwable e) {
          status = "CRASH " + e;
          e.printStackTrace();
        }
        System.out.printf("%-45s %-6s %6d ms  %s%n", p.getFileName(), a, (System.nanoTime() - t0) / 1000000, status);
      }
    }
  }
}
