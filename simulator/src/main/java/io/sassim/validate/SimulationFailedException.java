package io.sassim.validate;

/** A launch the simulator could not run; its case is skipped with this message as the reason. */
public final class SimulationFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public SimulationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public SimulationFailedException(String message) {
    super(message);
  }
}
