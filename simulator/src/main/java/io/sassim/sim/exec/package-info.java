/**
 * Execution-driven simulation: the functional emulator produces each warp's instructions as the
 * timing model fetches them, so clock reads return simulated cycles and no trace is written
 * (docs/model.md, "Execution-driven runs").
 */
package io.sassim.sim.exec;
