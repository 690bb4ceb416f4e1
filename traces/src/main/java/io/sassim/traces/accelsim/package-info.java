/**
 * Accel-Sim NVBit traces: {@link io.sassim.traces.accelsim.AccelSimTraces} opens a trace folder,
 * a {@code kernelslist.g} or one {@code .traceg[.xz]} file as a {@link
 * io.sassim.traces.model.TraceSource}, streaming one CTA at a time, and writes the model back as
 * a folder Accel-Sim runs. Tracer versions 1.2, 3, 4 and 5 are read; version 4 is written.
 * {@link io.sassim.traces.accelsim.TraceRegisterWidths} restores the register pairs and quads
 * the tracer collapses to their first register.
 */
package io.sassim.traces.accelsim;
