/**
 * sassim's native trace format ({@code .sstrace}): one file per traced program, one compressed,
 * checksummed block per thread block, and an index at the end for random and parallel access.
 * {@code docs/trace-formats.md} describes the layout byte by byte.
 */
package io.sassim.traces.binary;
