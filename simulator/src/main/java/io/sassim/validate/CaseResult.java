package io.sassim.validate;

/** A case with its simulated value. */
public record CaseResult(ValidationCase validationCase, double simulated) {

  public double measured() {
    return validationCase.measured();
  }

  /** Absolute percentage error: {@code 100 * |simulated - measured| / measured}. */
  public double ape() {
    return 100.0 * Math.abs(simulated - measured()) / measured();
  }
}
