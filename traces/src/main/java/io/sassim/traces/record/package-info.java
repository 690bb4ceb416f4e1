/**
 * Traces from the functional emulator: {@link io.sassim.traces.record.TraceRecorder} listens to
 * an emulated launch and hands each finished CTA to any {@link
 * io.sassim.traces.model.TraceWriter}; {@link io.sassim.traces.record.EmulatedTrace} records a
 * whole launch; {@link io.sassim.traces.record.ListingInstructions} makes the static instruction
 * a trace line carries from a listed instruction, with its control bits.
 */
package io.sassim.traces.record;
