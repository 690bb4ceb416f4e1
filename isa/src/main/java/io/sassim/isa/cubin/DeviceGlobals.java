package io.sassim.isa.cubin;

import java.util.List;

/**
 * A module's {@code __device__} variables and where constant banks point at them: the driver
 * places {@code .nv.global.init} (initialised) and {@code .nv.global} (zeroed) in device memory
 * and patches the 64-bit addresses that {@code .rel.nv.constantN} relocations name.
 *
 * @param initialized contents of {@code .nv.global.init} (empty when absent)
 * @param zeroedBytes size of {@code .nv.global}
 * @param relocations 64-bit constant-bank words to set to a variable's address
 */
public record DeviceGlobals(byte[] initialized, int zeroedBytes, List<Relocation> relocations) {

  public DeviceGlobals {
    relocations = List.copyOf(relocations);
  }

  /**
   * Word {@code offset} of constant bank {@code bank} receives the address of a variable:
   * {@code offset in its section + addend} from the start of the initialised section ({@code
   * zeroed} false) or of the zeroed one.
   */
  public record Relocation(int bank, int offset, boolean zeroed, long target) {}

  public boolean isEmpty() {
    return initialized.length == 0 && zeroedBytes == 0;
  }
}
