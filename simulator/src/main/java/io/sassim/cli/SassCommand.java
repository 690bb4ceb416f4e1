package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.OpcodeInfo;
import io.sassim.isa.arch.OpcodeTable;
import io.sassim.isa.cubin.Cubin;
import io.sassim.isa.cubin.CubinKernel;
import io.sassim.isa.cubin.CubinReader;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sassim sass}: prints listings or cubins with decoded control bits and unit classes, or
 * checks that sassim understands every instruction in them.
 */
@Command(
    name = "sass",
    mixinStandardHelpOptions = true,
    description = {
      "Print SASS listings or cubins with decoded control bits and unit classes.",
      "Control column: B<wait mask SB0..5>:R<read barrier>:W<write barrier>:<Y = yield>:S<stall>."
    })
final class SassCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "cuobjdump -sass listings (.sass) or cubins (.cubin).")
  List<Path> files;

  @Option(names = "--kernel", paramLabel = "NAME", description = "Only the kernel with this (mangled) name.")
  String kernel;

  @Option(names = "--check", description = "Print only a summary; exit 0 only if every opcode is known.")
  boolean check;

  @Option(
      names = "--cuobjdump",
      paramLabel = "PATH",
      description = "cuobjdump for .cubin inputs (default: $SASSIM_CUOBJDUMP, the toolchain cache, then PATH); "
          + "'none' uses only the committed .sass next to the cubin.")
  String cuobjdump;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CubinDisassembler cubins = new CubinDisassembler(cuobjdumpToUse());
    int instructions = 0;
    int kernels = 0;
    int unknown = 0;
    for (Path file : files) {
      boolean isCubin = file.toString().endsWith(".cubin");
      SassListing listing = isCubin ? cubins.disassemble(file) : SassParser.parse(file);
      // Resource usage is only in the ELF, so listings print instructions alone.
      Cubin elf = isCubin && !check ? CubinReader.read(file) : null;
      for (Kernel k : listing.kernels()) {
        if (kernel != null && !k.name().equals(kernel)) {
          continue;
        }
        kernels++;
        OpcodeTable table = OpcodeTable.forArch(k.architecture());
        if (!check) {
          out.printf("%s  %s  %d instructions  (%s)%n", k.name(), k.architecture(), k.size(), file);
          CubinKernel resources = elf == null ? null : elf.kernel(k.name());
          if (resources != null) {
            out.println("  " + resourceLine(resources));
          }
        }
        for (Instruction in : k.instructions()) {
          instructions++;
          OpcodeInfo info = in.isUnprinted() ? null : table.lookup(in.opcode());
          if (info == null) {
            unknown++;
            if (check) {
              err.printf("%s:%d: unknown opcode %s on %s%n", listing.source(), in.line(),
                  in.isUnprinted() ? "(printed without mnemonic)" : in.opcode(), k.architecture());
            }
          }
          if (!check) {
            out.printf("  /*%04x*/  %s  %-11s  %s ;%n", in.pc(), in.control().format(),
                info == null ? "?" : info.unit().name(), in.text());
          }
        }
        if (!check) {
          out.println();
        }
      }
    }
    if (kernel != null && kernels == 0) {
      throw new InputException(files.get(0).toString(), 0, "no kernel named '" + kernel + "'");
    }
    if (check) {
      out.printf("checked %d instructions in %d kernels, %d unknown%n", instructions, kernels, unknown);
    }
    out.flush();
    err.flush();
    return check && unknown > 0 ? 1 : 0;
  }

  /** One line in the spirit of {@code cuobjdump -res-usage}, plus where the parameters live. */
  static String resourceLine(CubinKernel k) {
    return String.format("registers %d, shared %d B, stack %d B, %d parameters (%d B at c[0x%x][0x%x])",
        k.registerCount(), k.staticSharedBytes(), k.frameBytes(), k.parameters().size(),
        k.paramBytes(), k.paramBank(), k.paramBase());
  }

  private Path cuobjdumpToUse() {
    if (cuobjdump == null) {
      return CubinDisassembler.findCuobjdump();
    }
    return cuobjdump.equals("none") ? null : Path.of(cuobjdump);
  }
}
