/**
 * Control bits for traces that have none: {@link io.sassim.traces.control.ControlBitSource} reads
 * them from the program's SASS listings or cubins, and {@link
 * io.sassim.traces.control.ControlledKernelTrace} attaches them to a kernel trace by kernel name,
 * binary version and PC, checking each traced opcode against the listing.
 */
package io.sassim.traces.control;
