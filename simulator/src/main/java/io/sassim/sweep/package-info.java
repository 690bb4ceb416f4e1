/**
 * Design-space sweeps (docs/sweeps.md): a {@link io.sassim.sweep.SweepSpec} names a base GPU,
 * the config fields to vary and the workloads; every point x workload is a {@link
 * io.sassim.sweep.SweepTask} whose result is written atomically to its own file in the output
 * folder ({@link io.sassim.sweep.SweepStore}), so a sweep resumes after any interruption. An
 * {@link io.sassim.sweep.SweepExecutor} runs the missing tasks, on a local thread pool or as a
 * Slurm job array; {@link io.sassim.sweep.SweepResults} and {@link io.sassim.sweep.SweepPlots}
 * turn the finished results into CSV, JSON and figures.
 */
package io.sassim.sweep;
