package io.sassim.traces.control;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.cubin.CubinReader;
import io.sassim.isa.cubin.KernelCode;
import io.sassim.isa.sass.ControlBits;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's control bits for the kernels of a program, read from its SASS listings and
 * cubins and indexed by kernel name, architecture and PC. Accel-Sim traces carry none, so this is
 * where a trace gets them: {@link #attach} wraps a kernel trace to fill them in.
 *
 * <p>The same kernel may come from several inputs: a listing and its cubin are merged (the listing
 * supplies the opcodes to check against, the cubin only the bits) after checking that they agree,
 * and builds for other architectures stay apart, chosen by the trace's binary version.
 */
public final class ControlBitSource {

  private final List<String> files;
  /** name -> one entry per architecture, in input order. */
  private final Map<String, List<KernelControl>> kernels;

  private ControlBitSource(List<String> files, Map<String, List<KernelControl>> kernels) {
    this.files = List.copyOf(files);
    this.kernels = kernels;
  }

  /**
   * Reads {@code .sass} listings (cuobjdump output, corpus or raw) and {@code .cubin} files; any
   * other name is an error, since the two formats are told apart by their extension.
   */
  public static ControlBitSource read(List<Path> paths) throws InputException {
    Builder b = new Builder();
    for (Path p : paths) {
      b.add(p);
    }
    return b.build();
  }

  public static ControlBitSource of(SassListing listing) throws InputException {
    return new Builder().add(listing).build();
  }

  /** Collects listings and cubins; the same kernel in two inputs must be the same build. */
  public static final class Builder {
    private final List<String> files = new ArrayList<>();
    private final Map<String, List<KernelControl>> kernels = new LinkedHashMap<>();

    public Builder add(Path path) throws InputException {
      String name = path.getFileName().toString();
      if (name.endsWith(".sass")) {
        return add(SassParser.parse(path));
      }
      if (name.endsWith(".cubin")) {
        return add(path.toString(), CubinReader.read(path).architecture(), CubinReader.readCode(path));
      }
      throw new InputException(path, 0,
          "control bits come from a cuobjdump listing (.sass) or a cubin (.cubin), not this file");
    }

    public Builder add(SassListing listing) throws InputException {
      files.add(listing.source());
      for (Kernel k : listing.kernels()) {
        List<Instruction> list = k.instructions();
        int[] controls = new int[list.size()];
        String[] mnemonics = new String[list.size()];
        for (int i = 0; i < controls.length; i++) {
          Instruction in = list.get(i);
          controls[i] = in.control().encode();
          // An encoding-only line (older disassemblers, some sm_90 opcodes) names no opcode.
          mnemonics[i] = in.isUnprinted() ? null : in.mnemonic();
        }
        put(new KernelControl(k.name(), k.architecture(), List.of(listing.source()), controls, mnemonics));
      }
      return this;
    }

    /** The kernels of one cubin, as {@link CubinReader#readCode} returns them. */
    public Builder add(String file, Architecture architecture, List<KernelCode> code)
        throws InputException {
      files.add(file);
      for (KernelCode k : code) {
        int[] controls = new int[k.instructionCount()];
        for (int i = 0; i < controls.length; i++) {
          controls[i] = ControlBits.decode(k.high(i)).encode();
        }
        put(new KernelControl(k.name(), architecture, List.of(file), controls,
            new String[controls.length]));
      }
      return this;
    }

    private void put(KernelControl k) throws InputException {
      List<KernelControl> builds = kernels.computeIfAbsent(k.name(), n -> new ArrayList<>());
      for (int i = 0; i < builds.size(); i++) {
        if (builds.get(i).architecture() == k.architecture()) {
          builds.set(i, builds.get(i).mergedWith(k));
          return;
        }
      }
      builds.add(k);
    }

    public ControlBitSource build() {
      Map<String, List<KernelControl>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, List<KernelControl>> e : kernels.entrySet()) {
        copy.put(e.getKey(), List.copyOf(e.getValue()));
      }
      return new ControlBitSource(files, copy);
    }
  }

  /**
   * {@code trace} with control bits from these inputs; a mismatch throws an {@code
   * InputException} naming {@code traceFile}.
   */
  public ControlledKernelTrace attach(KernelTrace trace, String traceFile) throws InputException {
    return new ControlledKernelTrace(trace, this, traceFile, MismatchPolicy.FAIL);
  }

  /** Every kernel of {@code source} with control bits from these inputs. */
  public ControlledTraceSource attach(TraceSource source, MismatchPolicy policy) {
    return new ControlledTraceSource(source, this, policy);
  }

  /** The listings and cubins read, in order. */
  public List<String> files() {
    return files;
  }

  /** Kernel names in input order. */
  public List<String> kernelNames() {
    return List.copyOf(kernels.keySet());
  }

  /** Every build of {@code name}, one per architecture; empty when absent. */
  public List<KernelControl> builds(String name) {
    return kernels.getOrDefault(name, List.of());
  }

  /**
   * The build of {@code name} whose architecture has {@code binaryVersion}, or a {@link
   * ControlMismatch} saying why there is none.
   */
  Lookup find(String name, int binaryVersion) {
    if (binaryVersion < 70) {
      return Lookup.missing(ControlMismatch.Kind.PRE_VOLTA, String.format(
          "kernel '%s' has binary version %d, older than Volta (70): such SASS keeps its"
              + " scheduling hints apart from the instructions, so control bits cannot be attached;"
              + " simulate it in scoreboard mode", name, binaryVersion));
    }
    List<KernelControl> builds = builds(name);
    if (builds.isEmpty()) {
      return Lookup.missing(ControlMismatch.Kind.KERNEL_NOT_FOUND, String.format(
          "kernel '%s' is not in %s; %s", name, String.join(", ", files), listKernels()));
    }
    KernelControl found = null;
    List<String> archs = new ArrayList<>();
    for (KernelControl k : builds) {
      archs.add(k.architecture().smName());
      if (k.binaryVersion() == binaryVersion) {
        if (found != null) {
          return Lookup.missing(ControlMismatch.Kind.ARCHITECTURE, String.format(
              "kernel '%s' is there for both %s and %s, which share binary version %d; pass the"
                  + " inputs of the traced build only", name, found.architecture(),
              k.architecture(), binaryVersion));
        }
        found = k;
      }
    }
    if (found == null) {
      return Lookup.missing(ControlMismatch.Kind.ARCHITECTURE, String.format(
          "kernel '%s' was traced from binary version %d, but %s hold it for %s only",
          name, binaryVersion, String.join(", ", files), String.join(", ", archs)));
    }
    return new Lookup(found, null, null);
  }

  private static final int LISTED_NAMES = 20;

  private String listKernels() {
    if (kernels.isEmpty()) {
      return "they hold no kernels";
    }
    StringBuilder b = new StringBuilder("they hold: ");
    int n = 0;
    for (String k : kernels.keySet()) {
      if (n == LISTED_NAMES) {
        b.append(", and ").append(kernels.size() - n).append(" more");
        break;
      }
      b.append(n == 0 ? "" : ", ").append(k);
      n++;
    }
    return b.toString();
  }

  /** The answer of {@link #find}: a build, or the reason there is none. */
  record Lookup(KernelControl kernel, ControlMismatch.Kind kind, String problem) {
    static Lookup missing(ControlMismatch.Kind kind, String problem) {
      return new Lookup(null, kind, problem);
    }
  }

  @Override
  public String toString() {
    return "control bits of " + kernels.size() + " kernels from " + String.join(", ", files);
  }
}
