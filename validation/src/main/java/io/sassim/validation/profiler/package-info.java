/**
 * Hardware counters from Nsight Compute: its raw CSV export ({@link
 * io.sassim.validation.profiler.NcuCsv}) and how its launches are joined to the cases of the
 * harness capture that ran under it ({@link io.sassim.validation.profiler.NcuImport}).
 */
package io.sassim.validation.profiler;
