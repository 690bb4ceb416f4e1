package io.sassim.isa.sass;

/**
 * One operand of a SASS instruction, as printed by cuobjdump. Every form the parser accepts is one
 * of the records below; anything else is a parse error, so a consumer can switch over them
 * exhaustively.
 */
public sealed interface Operand
    permits RegisterOperand,
        SpecialRegisterOperand,
        ConstantOperand,
        IntImmediate,
        FloatImmediate,
        MemoryOperand,
        BranchTarget,
        RelativeTarget,
        ConvergenceBarrier,
        ScoreboardOperand,
        ScoreboardSet,
        MatrixDescriptor,
        WarpgroupScoreboard,
        PredicateFileOperand {

  /** The operand in cuobjdump's spelling. */
  String format();
}
