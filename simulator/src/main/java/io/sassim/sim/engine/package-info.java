/**
 * The discrete-event engine: simulated time, clock domains and ticking components that sleep
 * while they have no work (after Akita's engine, STYLE.md).
 */
package io.sassim.sim.engine;
