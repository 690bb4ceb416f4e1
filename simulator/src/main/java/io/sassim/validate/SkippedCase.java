package io.sassim.validate;

/** A measurement that was not compared, and why. */
public record SkippedCase(String id, String source, String reason) {}
