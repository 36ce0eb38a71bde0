using System.Numerics;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// The rational grid of step 1/N on the simplex of distributions over <see cref="Dimension"/>
/// types: every distribution whose entries are multiples of 1/N. A point is stored by its integer
/// coordinates (N·entry, summing to N); points are numbered in lexicographic order of those.
/// </summary>
public sealed class SimplexGrid
{
    private readonly int[][] _points;
    private readonly Dictionary<long, int> _index;
    private readonly Rational[][] _distributions;

    public SimplexGrid(int dimension, int denominator)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A simplex needs at least one type.");
        if (denominator < 1) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The grid denominator must be positive.");
        long count = CountPoints(dimension, denominator);
        if (count > MaxPoints) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, $"The grid of step 1/{denominator} on {dimension} types has {count} points; too many.");
        Dimension = dimension;
        Denominator = denominator;
        var points = new List<int[]>((int)count);
        var current = new int[dimension];
        Enumerate(current, 0, denominator, points);
        _points = points.ToArray();
        _index = new Dictionary<long, int>(_points.Length);
        for (int i = 0; i < _points.Length; i++) _index.Add(Key(_points[i]), i);
        _distributions = new Rational[_points.Length][];
        var n = new BigInteger(denominator);
        for (int i = 0; i < _points.Length; i++)
            _distributions[i] = _points[i].Select(c => new Rational(c, n)).ToArray();
        Corners = Enumerable.Range(0, dimension).Select(d =>
        {
            var corner = new int[dimension];
            corner[d] = denominator;
            return _index[Key(corner)];
        }).ToArray();
    }

    /// <summary>The number of types k.</summary>
    public int Dimension { get; }

    /// <summary>N: the grid's step is 1/N.</summary>
    public int Denominator { get; }

    public int Count => _points.Length;

    /// <summary>The grid points e_1, …, e_k (one type for sure), in type order.</summary>
    public IReadOnlyList<int> Corners { get; }

    /// <summary>N times the distribution at <paramref name="index"/>; do not mutate.</summary>
    public int[] Coordinates(int index) => _points[index];

    /// <summary>The distribution at <paramref name="index"/>; do not mutate.</summary>
    public Rational[] Distribution(int index) => _distributions[index];

    /// <summary>The index of the point with these integer coordinates, or −1.</summary>
    public int IndexOf(ReadOnlySpan<int> coordinates)
    {
        if (coordinates.Length != Dimension) return -1;
        int sum = 0;
        foreach (var c in coordinates) { if (c < 0) return -1; sum += c; }
        if (sum != Denominator) return -1;
        return _index.TryGetValue(Key(coordinates), out var i) ? i : -1;
    }

    /// <summary>The index of a distribution, or −1 when it is not on the grid.</summary>
    public int IndexOf(IReadOnlyList<Rational> distribution)
    {
        if (distribution.Count != Dimension) return -1;
        Span<int> coordinates = stackalloc int[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            var scaled = distribution[i] * Denominator;
            if (!scaled.IsInteger || scaled.Sign < 0 || scaled.Numerator > Denominator) return -1;
            coordinates[i] = (int)scaled.Numerator;
        }
        return IndexOf(coordinates);
    }

    /// <summary>The number of grid points: C(N + k − 1, k − 1).</summary>
    /// <summary>The most points one grid may have.</summary>
    internal const long MaxPoints = 5_000_000;

    public static long CountPoints(int dimension, int denominator)
    {
        BigInteger count = BigInteger.One;
        for (int i = 1; i < dimension; i++) count = count * (denominator + i) / i;
        return count > long.MaxValue ? long.MaxValue : (long)count;
    }

    /// <summary>The least N whose grid holds the distribution: the lcm of its denominators.</summary>
    public static int DenominatorFor(IReadOnlyList<Rational> distribution)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var x in distribution) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, x.Denominator) * x.Denominator;
        return lcm > int.MaxValue ? int.MaxValue : (int)lcm;
    }

    private long Key(ReadOnlySpan<int> coordinates)
    {
        long key = 0;
        foreach (var c in coordinates) key = key * (Denominator + 1) + c;
        return key;
    }

    private static void Enumerate(int[] current, int position, int remaining, List<int[]> into)
    {
        if (position == current.Length - 1)
        {
            current[position] = remaining;
            into.Add((int[])current.Clone());
            return;
        }
        for (int c = remaining; c >= 0; c--)
        {
            current[position] = c;
            Enumerate(current, position + 1, remaining - c, into);
        }
    }
}
