package io.sassim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sassim sass}: disassembly with decoded control bits. */
@Command(name = "sass", description = "Print SASS listings or cubins with decoded control bits.")
final class SassCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
