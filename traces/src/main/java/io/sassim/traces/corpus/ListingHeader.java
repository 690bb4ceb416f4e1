package io.sassim.traces.corpus;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // sassim:} lines that scripts/sass-toolchain.sh writes at the top of every corpus
 * listing. They tie the listing to the exact source and cubin it came from, so a stale listing is
 * detected without running CUDA tools.
 *
 * @param sourcePath the source, relative to the repository root
 * @param sourceSha256 hex SHA-256 of the source when the listing was made
 * @param cubinSha256 hex SHA-256 of the cubin the listing was disassembled from
 * @param arch the target, e.g. {@code sm_86}
 * @param tools the tool versions, e.g. {@code nvcc 13.0.88 (PTX front end), ptxas 12.4.131, ...}
 */
public record ListingHeader(String sourcePath, String sourceSha256, String cubinSha256, String arch,
    String tools) {

  private static final Pattern SOURCE = Pattern.compile("^// sassim: source (\\S+) sha256=([0-9a-f]{64})$");
  private static final Pattern CUBIN = Pattern.compile("^// sassim: cubin (\\S+) sha256=([0-9a-f]{64})$");
  private static final Pattern ARCH = Pattern.compile("^// sassim: arch (sm_\\w+)$");
  private static final Pattern TOOLS = Pattern.compile("^// sassim: tools (.+)$");

  /** Reads the header of {@code listing}; every field must be present. */
  public static ListingHeader read(Path listing) throws InputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(listing);
    } catch (IOException e) {
      throw new InputException(listing.toString(), 0, "cannot read listing: " + e.getMessage(), e);
    }
    String sourcePath = null, sourceSha = null, cubinSha = null, arch = null, tools = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("// sassim:")) {
        break;  // the header is the leading run of such lines
      }
      Matcher m;
      if ((m = SOURCE.matcher(line)).matches()) {
        sourcePath = m.group(1);
        sourceSha = m.group(2);
      } else if ((m = CUBIN.matcher(line)).matches()) {
        cubinSha = m.group(2);
      } else if ((m = ARCH.matcher(line)).matches()) {
        arch = m.group(1);
      } else if ((m = TOOLS.matcher(line)).matches()) {
        tools = m.group(1);
      }
    }
    if (sourcePath == null || cubinSha == null || arch == null || tools == null) {
      throw new InputException(listing.toString(), 1,
          "missing '// sassim:' header (source, cubin, arch and tools lines); regenerate it with"
              + " scripts/sass-toolchain.sh");
    }
    return new ListingHeader(sourcePath, sourceSha, cubinSha, arch, tools);
  }
}
