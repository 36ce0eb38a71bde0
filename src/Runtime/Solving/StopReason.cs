namespace BilateralTrade.Dsl.Solving;

/// <summary>Why a solve ended.</summary>
public enum StopReason
{
    Completed,
    Cancelled,
    DigitBudgetExceeded,
}
