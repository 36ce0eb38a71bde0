using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Verification;

/// <summary>
/// What <see cref="SolutionVerifier"/> reads of a solution: π^t as values at states, the mover's
/// splitting, the breakpoints along each axis and the protocol tree. <see cref="SolutionFunctions"/>
/// adapts a <see cref="Solution"/>; tests put a deliberately altered implementation here to prove the
/// verifier can fail.
/// </summary>
public interface IRoundFunctions
{
    /// <summary>The last computed round T (rounds 0..T can be asked for).</summary>
    int LastRound { get; }

    /// <summary>π^t(p, q), the value the function takes at the state.</summary>
    PayoffPair Evaluate(int round, Rational p, Rational q);

    /// <summary>The mover's message at round t in state (p, q), or null for silence.</summary>
    Splitting? SplittingAt(int round, Rational p, Rational q);

    /// <summary>The p values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    IReadOnlyList<Rational> PBreakpoints(int round);

    /// <summary>The q values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    IReadOnlyList<Rational> QBreakpoints(int round);

    /// <summary>The optimal protocol tree from (p, q) at round t down to round 0.</summary>
    ProtocolNode ProtocolFrom(Rational p, Rational q, int round);
}
