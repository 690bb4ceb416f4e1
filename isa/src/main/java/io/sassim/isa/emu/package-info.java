/**
 * The functional SASS emulator: executes a kernel launch thread by thread from its cuobjdump
 * listing and cubin, as sass-semantics.md describes the hardware.
 *
 * <p>{@link io.sassim.isa.emu.Emulator} is the entry point; {@link io.sassim.isa.emu.Grid},
 * {@link io.sassim.isa.emu.ThreadBlock} and {@link io.sassim.isa.emu.Warp} hold the state of a
 * launch, a CTA and a warp. {@code Decoder} turns each listed instruction into an {@code Op}
 * once per launch; the op families ({@code IntegerOps}, {@code FloatOps}, {@code DoubleOps},
 * {@code HalfOps}, {@code ConversionOps}, {@code MemoryOps}, {@code AtomicOps},
 * {@code WarpOps}, {@code ControlOps}, {@code TensorOps}) each follow one section of the
 * semantics. An {@link io.sassim.isa.emu.EmulatorListener} sees every executed warp instruction;
 * the trace recorder in {@code io.sassim.traces.record} is one. See docs/emulator.md.
 */
package io.sassim.isa.emu;
