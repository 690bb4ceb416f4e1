package io.sassim.isa.sass;

import io.sassim.isa.InputException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provenance that scripts/sass-toolchain.sh writes as {@code // sassim:} lines at the top of
 * every corpus listing. It ties the listing to the exact source and cubin it came from, so a stale
 * listing, or a cubin the listing was not made from, is detected without running CUDA tools.
 *
 * @param sourcePath the source, relative to the repository root
 * @param sourceSha256 hex SHA-256 of the source when the listing was made
 * @param cubinSha256 hex SHA-256 of the cubin the listing was disassembled from
 * @param arch the target, e.g. {@code sm_86}
 * @param tools the tool versions, e.g. {@code nvcc 13.0.88 (PTX front end), ptxas 12.4.131, ...}
 */
public record ListingHeader(String sourcePath, String sourceSha256, String cubinSha256, String arch,
    String tools) {

  // "traces/kernels/x/x.cu sha256=<64 hex>" and "x.sm_86.cubin sha256=<64 hex>"
  private static final Pattern FILE_AND_HASH = Pattern.compile("(\\S+) sha256=([0-9a-f]{64})");

  /** The header of a parsed listing; every field must be present. */
  public static ListingHeader of(SassListing listing) throws InputException {
    Map<String, String> h = listing.header();
    Matcher source = matchOrNull(h.get("source"));
    Matcher cubin = matchOrNull(h.get("cubin"));
    if (source == null || cubin == null || h.get("arch") == null || h.get("tools") == null) {
      throw new InputException(listing.source(), 1,
          "missing '// sassim:' header (source, cubin, arch and tools lines); regenerate it with"
              + " scripts/sass-toolchain.sh");
    }
    return new ListingHeader(source.group(1), source.group(2), cubin.group(2), h.get("arch"),
        h.get("tools"));
  }

  private static Matcher matchOrNull(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = FILE_AND_HASH.matcher(value);
    return m.matches() ? m : null;
  }
}
