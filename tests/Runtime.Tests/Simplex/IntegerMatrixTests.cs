using BilateralTrade.Dsl.Simplex;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class IntegerMatrixTests
{
    /// <summary>The former implementation (cofactor expansion, O(n!)), kept as the reference.</summary>
    private static long CofactorDeterminant(long[,] m)
    {
        int n = m.GetLength(0);
        if (n == 1) return m[0, 0];
        long det = 0;
        for (int c = 0; c < n; c++)
            det = checked(det + (c % 2 == 0 ? 1 : -1) * m[0, c] * CofactorDeterminant(Minor(m, 0, c)));
        return det;
    }

    private static long[,] CofactorAdjugate(long[,] m)
    {
        int n = m.GetLength(0);
        var adj = new long[n, n];
        if (n == 1) { adj[0, 0] = 1; return adj; }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                adj[i, j] = ((i + j) % 2 == 0 ? 1 : -1) * CofactorDeterminant(Minor(m, j, i));
        return adj;
    }

    private static long[,] Minor(long[,] m, int row, int column)
    {
        int n = m.GetLength(0);
        var minor = new long[n - 1, n - 1];
        for (int r = 0, rr = 0; r < n; r++)
        {
            if (r == row) continue;
            for (int c = 0, cc = 0; c < n; c++)
                if (c != column) minor[rr, cc++] = m[r, c];
            rr++;
        }
        return minor;
    }

    [Fact]
    public void Bareiss_agrees_with_cofactor_expansion_on_random_small_matrices()
    {
        var random = new Random(12);
        int singular = 0;
        for (int trial = 0; trial < 600; trial++)
        {
            int n = 1 + trial % 6;
            int range = trial % 3 == 0 ? 2 : 60; // small entries give zero pivots and singular matrices
            var m = new long[n, n];
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++) m[r, c] = random.Next(trial % 2 == 0 ? 0 : -range, range + 1);
            long det = IntegerMatrix.Determinant(m);
            Assert.Equal(CofactorDeterminant(m), det);
            Assert.Equal(CofactorAdjugate(m), IntegerMatrix.Adjugate(m));
            if (det == 0) singular++;
        }
        Assert.True(singular > 10, $"only {singular} singular matrices tested");
    }

    [Fact]
    public void A_zero_leading_pivot_swaps_rows()
    {
        var m = new long[,] { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 3 } };
        Assert.Equal(-3, IntegerMatrix.Determinant(m));
        Assert.Equal(new long[,] { { 0, -3, 0 }, { -3, 0, 0 }, { 0, 0, -1 } }, IntegerMatrix.Adjugate(m));
    }
}
