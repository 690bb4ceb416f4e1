/**
 * The trace model shared by the trace readers and writers, the emulator and the simulator: a
 * kernel launch header, a per-kernel table of static instructions, and per-CTA, per-warp dynamic
 * streams held in primitive arrays.
 */
package io.sassim.traces.model;
