/**
 * GPU configuration records, loaded from {@code configs/*.yaml}. They are plain immutable data,
 * validated once by the loader; model objects take the record they need in their constructor and
 * never read global state (STYLE.md: parameters apart from the objects that use them).
 */
package io.sassim.sim.config;
