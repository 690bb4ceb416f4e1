/**
 * Statistics, declared once with stable names and one-line descriptions ({@link
 * io.sassim.sim.stats.Stat}), and their output as JSON and as Accel-Sim-style summary lines.
 */
package io.sassim.sim.stats;
