package io.sassim.validation.harness;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.BufferContents;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a launch needs that does not touch CUDA: the chosen binary, every buffer's initial
 * bytes and the parameter array layout. A dry run stops here; a device run uploads it. A buffer
 * that holds device addresses (a pointer chain) is prepared as if allocated at address 0, i.e.
 * holding byte offsets; {@link #contentsAt} rebuilds it for its real address.
 */
record PreparedLaunch(
    String caseId,
    LaunchSpec spec,
    Architecture arch,
    Path binary,
    byte[] binaryBytes,
    List<BufferArg> bufferArgs,
    List<byte[]> buffers,
    List<ParamSlot> params) {

  static PreparedLaunch prepare(String caseId, LaunchSpec spec, Architecture arch)
      throws IOException {
    Path binary = spec.binaryFor(arch);
    byte[] code = Files.readAllBytes(binary);
    List<BufferArg> bufferArgs = new ArrayList<>();
    List<byte[]> buffers = new ArrayList<>();
    List<ParamSlot> params = new ArrayList<>();
    for (KernelArg arg : spec.args()) {
      if (arg instanceof BufferArg b) {
        params.add(new ParamSlot(b.name(), b.type(), b.paramBytes(), null, buffers.size()));
        bufferArgs.add(b);
        buffers.add(BufferContents.build(b));
      } else {
        ScalarArg s = (ScalarArg) arg;
        params.add(new ParamSlot(s.name(), s.type(), s.paramBytes(), s.toBytes(), -1));
      }
    }
    return new PreparedLaunch(caseId, spec, arch, binary, code, List.copyOf(bufferArgs),
        List.copyOf(buffers), List.copyOf(params));
  }

  /**
   * The bytes to upload into buffer {@code index} once it is allocated at device address
   * {@code address}: the prepared bytes, or for a buffer holding addresses, rebuilt for that
   * address.
   */
  byte[] contentsAt(int index, long address) throws IOException {
    BufferArg b = bufferArgs.get(index);
    return b.holdsAddresses() ? BufferContents.build(b, address) : buffers.get(index);
  }

  /** The first target in preference order that the spec applies to and has a binary for. */
  static Architecture chooseArch(LaunchSpec spec, List<Architecture> preference) {
    for (Architecture a : preference) {
      if (spec.appliesTo(a) && Files.isRegularFile(spec.binaryFor(a))) {
        return a;
      }
    }
    return null;
  }

  /** Total bytes of the kernel parameter block, ignoring alignment padding. */
  int paramBytes() {
    return params.stream().mapToInt(ParamSlot::bytes).sum();
  }
}
