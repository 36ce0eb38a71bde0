namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// A grid request the caller can fix (a user-input problem, not an internal error): a prior that
/// is not on the requested grid, a grid with too many states, or sweep options whose random priors
/// cannot live on the sweep's grid. Thrown up front by <see cref="GridSolver.Solve(Games.GameDefinition, int, GridSpec, Solving.SolveOptions?)"/>,
/// <see cref="MultiTypeSolver.Solve"/> and <see cref="Sweep.ConjectureSweep.Run"/> before any work; the message
/// names a grid that fits (<see cref="SuggestedGrid"/>). Internal failures stay
/// <see cref="InvalidOperationException"/>. It is an <see cref="ArgumentException"/>, so existing
/// <c>catch (ArgumentException)</c> handlers keep working (the command line maps it to exit status 2).
/// </summary>
public sealed class GridInputException : ArgumentException
{
    public GridInputException(string message, GridSpec? suggestedGrid, string? paramName = null)
        : base(message, paramName)
    {
        SuggestedGrid = suggestedGrid;
    }

    /// <summary>A grid that fits the game's priors and the state limit, when there is one.</summary>
    public GridSpec? SuggestedGrid { get; }
}
