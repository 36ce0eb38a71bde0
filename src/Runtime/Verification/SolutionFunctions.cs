using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Verification;

/// <summary>A <see cref="Solution"/> seen through <see cref="IRoundFunctions"/>, using only its public API.</summary>
public sealed class SolutionFunctions(Solution solution) : IRoundFunctions
{
    public Solution Solution { get; } = solution ?? throw new ArgumentNullException(nameof(solution));

    public int LastRound => Solution.LastRound;

    public PayoffPair Evaluate(int round, Rational p, Rational q) => Solution.Rounds[round].Evaluate(p, q);

    public Splitting? SplittingAt(int round, Rational p, Rational q) => Solution.Rounds[round].SplittingAt(p, q);

    public IReadOnlyList<Rational> PBreakpoints(int round) => Solution.Rounds[round].PBreakpoints;

    public IReadOnlyList<Rational> QBreakpoints(int round) => Solution.Rounds[round].QBreakpoints;

    public ProtocolNode ProtocolFrom(Rational p, Rational q, int round) => Solution.ProtocolFrom(p, q, round);
}
