package io.sassim.validate;

import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The error of a set of cases (definitions in docs/validation.md, "Statistics").
 *
 * @param cases how many cases were compared
 * @param mape mean absolute percentage error, in percent
 * @param pearson Pearson's correlation of simulated with measured values; null with fewer than two
 *     cases or when either side is constant (it is undefined then)
 * @param rmse root mean square error, in the cases' unit (cycles)
 * @param maxApe the largest absolute percentage error, in percent
 * @param medianApe the median absolute percentage error, in percent
 */
public record ErrorStatistics(
    int cases, double mape, Double pearson, double rmse, double maxApe, double medianApe) {

  /** The statistics of {@code results}, which must not be empty. */
  public static ErrorStatistics of(List<CaseResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no cases");
    }
    int n = results.size();
    double[] measured = new double[n];
    double[] simulated = new double[n];
    DescriptiveStatistics ape = new DescriptiveStatistics();
    DescriptiveStatistics squared = new DescriptiveStatistics();
    for (int i = 0; i < n; i++) {
      CaseResult r = results.get(i);
      measured[i] = r.measured();
      simulated[i] = r.simulated();
      ape.addValue(r.ape());
      double d = r.simulated() - r.measured();
      squared.addValue(d * d);
    }
    Double pearson = null;
    if (n >= 2) {
      double p = new PearsonsCorrelation().correlation(measured, simulated);
      pearson = Double.isNaN(p) ? null : p;
    }
    return new ErrorStatistics(n, ape.getMean(), pearson, Math.sqrt(squared.getMean()),
        ape.getMax(), ape.getPercentile(50));
  }
}
