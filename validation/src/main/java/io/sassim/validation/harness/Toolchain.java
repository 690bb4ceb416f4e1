package io.sassim.validation.harness;

import io.sassim.isa.InputException;
import io.sassim.isa.sass.ListingHeader;
import io.sassim.isa.sass.SassParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which compiler made a corpus cubin. scripts/sass-toolchain.sh records the tool versions and the
 * cubin's sha256 in the header of the listing beside it; the versions count only when that hash is
 * the hash of the cubin that actually ran.
 */
final class Toolchain {
  private Toolchain() {}

  /**
   * The tools line of {@code binary}'s listing ({@code NAME.<arch>.sass}), or null when there is
   * no listing, it has no header, or it was disassembled from another cubin.
   */
  static String of(Path binary, String binarySha256) {
    String name = binary.getFileName().toString();
    if (!name.endsWith(".cubin")) {
      return null;
    }
    Path listing = binary.resolveSibling(name.substring(0, name.length() - ".cubin".length()) + ".sass");
    if (!Files.isRegularFile(listing)) {
      return null;
    }
    try {
      ListingHeader h = ListingHeader.of(SassParser.parse(listing));
      return h.cubinSha256().equals(binarySha256) ? h.tools() : null;
    } catch (InputException e) {
      return null; // provenance only: a listing the parser rejects does not stop the capture
    }
  }
}
