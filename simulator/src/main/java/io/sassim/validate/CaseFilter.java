package io.sassim.validate;

import io.sassim.isa.InputException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sassim validate --only GLOB}: keeps the cases a glob names, as the harness's
 * {@code --only} picks specs. A glob matches a case's id without its {@code #part}
 * ({@code traces/kernels/vecadd/vecadd}), the id's last path element ({@code pointer_chase.dram}),
 * or the case's suite ({@code kernels}, {@code stall_yield}).
 */
public final class CaseFilter {
  private final List<PathMatcher> matchers = new ArrayList<>();

  /** No globs keep every case. */
  public CaseFilter(List<String> globs) throws InputException {
    for (String glob : globs) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) { // PatternSyntaxException among others
        throw new InputException("--only", 0, "not a glob: '" + glob + "'");
      }
    }
  }

  public boolean keeps(ValidationCase c) {
    if (matchers.isEmpty()) {
      return true;
    }
    int hash = c.id().indexOf('#');
    Path id = Path.of(hash < 0 ? c.id() : c.id().substring(0, hash));
    Path suite = Path.of(c.suite());
    for (PathMatcher m : matchers) {
      if (m.matches(id) || (id.getFileName() != null && m.matches(id.getFileName()))
          || m.matches(suite)) {
        return true;
      }
    }
    return false;
  }

  /** The cases kept, in order. */
  public List<ValidationCase> filter(List<ValidationCase> cases) {
    List<ValidationCase> kept = new ArrayList<>();
    for (ValidationCase c : cases) {
      if (keeps(c)) {
        kept.add(c);
      }
    }
    return kept;
  }
}
