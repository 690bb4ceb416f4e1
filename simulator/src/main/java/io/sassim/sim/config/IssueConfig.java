package io.sassim.sim.config;

/**
 * Issue stage (paper §4, §5.1).
 *
 * @param scheduler issue policy by name: {@code cggty} (compiler-guided greedy then youngest,
 *     the paper's), {@code gto} (greedy then oldest), {@code lrr} (loose round robin)
 * @param dependence how hazards are tracked: {@code control-bits} (stall counter, yield, SB0-SB5)
 *     or {@code scoreboard} (for traces without control bits)
 * @param stallCounterDecay {@code linear} (the paper: minus one per cycle) or {@code halving} (the
 *     authors' released code shifts the counter right each cycle)
 * @param stallZeroYieldCycles cycles a warp waits after an instruction with stall 0 and yield set
 *     (45 measured, paper §4)
 * @param issuePortBusyAfterImad extra cycles the issue port stays busy after an IMAD (authors'
 *     code; 0 disables)
 * @param scoreboardMaxConsumers in scoreboard mode, pending readers tracked per register before
 *     issue of a new reader stalls (paper Table 7; 0 = unlimited)
 */
public record IssueConfig(
    String scheduler,
    String dependence,
    String stallCounterDecay,
    int stallZeroYieldCycles,
    int issuePortBusyAfterImad,
    int scoreboardMaxConsumers) {}
